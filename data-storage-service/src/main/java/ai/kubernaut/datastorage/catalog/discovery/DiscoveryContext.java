package ai.kubernaut.datastorage.catalog.discovery;

/**
 * The incident's mandatory labels a discovery request filters on. A {@code null}
 * dimension is unconstrained: Kubernaut treats an empty query value as "any".
 */
record DiscoveryContext(String severity, String component, String environment, String priority) {

	static DiscoveryContext of(String severity, String component, String environment, String priority) {
		return new DiscoveryContext(orNull(severity), orNull(component), orNull(environment), orNull(priority));
	}

	private static String orNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
