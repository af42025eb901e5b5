package ai.kubernaut.contracts.remediation;

/**
 * The state of one step of a remediation's workflow.
 */
public enum StepPhase {

	PENDING, RUNNING, SUCCEEDED, FAILED, SKIPPED

}
