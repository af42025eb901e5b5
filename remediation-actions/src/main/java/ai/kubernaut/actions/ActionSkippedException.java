package ai.kubernaut.actions;

/**
 * Thrown by an action that deliberately does nothing, e.g. because its target is in a
 * namespace the engine must not touch. The step is recorded as skipped with the message
 * as its reason, and nothing was written.
 */
public class ActionSkippedException extends RuntimeException {

	private final String reason;

	/**
	 * @param reason a stable, machine-readable reason, e.g. {@code NamespaceNotManaged}
	 * @param message what an operator reads
	 */
	public ActionSkippedException(String reason, String message) {
		super(message);
		this.reason = reason;
	}

	public String reason() {
		return this.reason;
	}

}
