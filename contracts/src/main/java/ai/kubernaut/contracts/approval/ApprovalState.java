package ai.kubernaut.contracts.approval;

/**
 * The state of an approval request. Every state but {@link #PENDING} is final.
 * {@link #SUPERSEDED} means the engine withdrew the request (the alert resolved or the
 * plan changed); nothing gated by it may run.
 */
public enum ApprovalState {

	PENDING, APPROVED, REJECTED, EXPIRED, SUPERSEDED;

	public boolean isFinal() {
		return this != PENDING;
	}

}
