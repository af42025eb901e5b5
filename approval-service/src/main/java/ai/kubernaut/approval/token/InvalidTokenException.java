package ai.kubernaut.approval.token;

/**
 * A token that does not entitle anyone to anything: forged, malformed or expired.
 */
public class InvalidTokenException extends RuntimeException {

	private final boolean expired;

	InvalidTokenException(String message, boolean expired) {
		// No stack trace: refusing forged tokens is routine and must stay cheap.
		super(message, null, false, false);
		this.expired = expired;
	}

	/**
	 * Whether the token was genuine but is past its deadline (as opposed to forged or
	 * malformed).
	 */
	public boolean isExpired() {
		return this.expired;
	}

}
