package ai.kubernaut.contracts.approval;

/**
 * The state of an approval request. Every state but {@link #PENDING} is final.
 */
public enum ApprovalState {

	PENDING, APPROVED, REJECTED, EXPIRED;

	public boolean isFinal() {
		return this != PENDING;
	}

}
