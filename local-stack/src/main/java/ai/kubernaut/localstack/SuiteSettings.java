package ai.kubernaut.localstack;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the suite needs to start: one database, one Kubernetes API (a kubeconfig), a port
 * per service (0 picks a free one) and the bearer token every service accepts and
 * presents.
 *
 * @param extraProperties further {@code key=value} overrides per service
 */
public record SuiteSettings(String jdbcUrl, String dbUser, String dbPassword, Path kubeconfig,
		Map<ServiceId, Integer> ports, String token, Map<ServiceId, Map<String, String>> extraProperties) {

	public SuiteSettings {
		ports = new EnumMap<>(ports);
		extraProperties = extraProperties.isEmpty() ? new EnumMap<>(ServiceId.class) : new EnumMap<>(extraProperties);
	}

	int port(ServiceId service) {
		return this.ports.getOrDefault(service, service.defaultPort());
	}

	Map<String, String> extra(ServiceId service) {
		return this.extraProperties.getOrDefault(service, Map.of());
	}

}
