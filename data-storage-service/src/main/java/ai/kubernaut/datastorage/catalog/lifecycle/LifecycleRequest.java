package ai.kubernaut.datastorage.catalog.lifecycle;

/**
 * Kubernaut's lifecycle body.
 *
 * @param reason why the operator moves the workflow; required, recorded on the row and in
 * the audit trail
 * @param updatedBy accepted for compatibility and not trusted: the authenticated caller
 * is recorded
 */
record LifecycleRequest(String reason, String updatedBy) {

	String requiredReason() {
		if (this.reason == null || this.reason.isBlank()) {
			throw new MissingReasonException();
		}
		return this.reason.strip();
	}

}
