package ai.kubernaut.contracts.remediation;

/**
 * Where a remediation is in its life. {@link #isTerminal()} phases never change again.
 */
public enum RemediationPhase {

	/** Accepted and persisted; no workflow chosen yet. */
	PENDING,
	/** A workflow was chosen and its steps are running. */
	EXECUTING,
	/** The workflow waits for a person to approve it, or one of its steps. */
	AWAITING_APPROVAL,
	/** Every step finished successfully, or nothing needed doing. */
	COMPLETED,
	/**
	 * A step failed, no workflow could be chosen, or an approval was refused or expired.
	 */
	FAILED,
	/**
	 * A safety rule held it back before anything ran ({@code ResourceBusy},
	 * {@code RecentlyRemediated}, backoff, blocked target); {@code outcome} says which.
	 */
	SKIPPED,
	/** Stopped on request (e.g. the alert resolved) before it finished. */
	CANCELLED;

	public boolean isTerminal() {
		return this == COMPLETED || this == FAILED || this == SKIPPED || this == CANCELLED;
	}

}
