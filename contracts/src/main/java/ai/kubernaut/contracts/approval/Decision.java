package ai.kubernaut.contracts.approval;

/**
 * What an approver decides.
 */
public enum Decision {

	APPROVE, REJECT

}
