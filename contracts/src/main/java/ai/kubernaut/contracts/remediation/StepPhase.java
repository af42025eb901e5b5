package ai.kubernaut.contracts.remediation;

/**
 * The state of one step of a remediation's workflow.
 */
public enum StepPhase {

	PENDING, WAITING_APPROVAL, RUNNING, SUCCEEDED, FAILED, SKIPPED, CANCELLED, ROLLED_BACK, ROLLBACK_FAILED

}
