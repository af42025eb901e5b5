package ai.kubernaut.contracts.remediation;

/**
 * Where a remediation is in its life. {@link #isTerminal()} phases never change again.
 */
public enum RemediationPhase {

	/** Accepted and persisted; no workflow chosen yet. */
	PENDING,
	/** A workflow was chosen and its steps are running. */
	EXECUTING,
	/** Every step finished successfully. */
	COMPLETED,
	/** A step failed, or no workflow could be chosen. */
	FAILED;

	public boolean isTerminal() {
		return this == COMPLETED || this == FAILED;
	}

}
