package ai.kubernaut.engine.remediation;

import ai.kubernaut.contracts.remediation.RemediationPhase;

/**
 * How a remediation ended, in Kubernaut's words, and the phase each outcome ends in.
 */
enum Outcome {

	/** The workflow ran and completed. */
	Remediated(RemediationPhase.COMPLETED),
	/** The workflow completed without any step having to act (every step skipped). */
	NoActionRequired(RemediationPhase.COMPLETED),
	/** No automatic action is safe; a person must look. */
	ManualReviewRequired(RemediationPhase.COMPLETED),
	/** A step failed, the run timed out, or no workflow could be chosen or run. */
	Failed(RemediationPhase.FAILED),
	/** The approval expired before anyone decided. */
	ApprovalExpired(RemediationPhase.FAILED),
	/** A person rejected the approval. */
	ApprovalRejected(RemediationPhase.CANCELLED),
	/** Stopped on request, e.g. because the alert resolved. */
	Cancelled(RemediationPhase.CANCELLED),
	/** Another remediation is active on the same target. */
	ResourceBusy(RemediationPhase.SKIPPED),
	/** The same workflow completed on the same target within the cooldown. */
	RecentlyRemediated(RemediationPhase.SKIPPED),
	/** Earlier attempts on the target failed before running; wait for the backoff. */
	ExponentialBackoff(RemediationPhase.SKIPPED),
	/** Too many consecutive failures on the target; blocked for a while. */
	ConsecutiveFailuresBlocked(RemediationPhase.SKIPPED);

	private final RemediationPhase phase;

	Outcome(RemediationPhase phase) {
		this.phase = phase;
	}

	RemediationPhase phase() {
		return this.phase;
	}

}
