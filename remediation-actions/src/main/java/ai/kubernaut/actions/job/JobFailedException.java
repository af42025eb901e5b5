package ai.kubernaut.actions.job;

/**
 * A workflow Job that did not succeed, with Kubernaut's failure reason:
 * {@code ResourceBusy} (another Job holds the target's lock), {@code ImagePullBackOff},
 * {@code DeadlineExceeded}, {@code OOMKilled}, {@code TaskFailed} (the bundle exited
 * non-zero), {@code Forbidden} or {@code Unknown}.
 */
public class JobFailedException extends IllegalStateException {

	private final String reason;

	private final boolean executionFailure;

	/**
	 * @param executionFailure whether the bundle ran (and may have changed something), as
	 * opposed to failing before it started; Kubernaut retries only the latter
	 */
	public JobFailedException(String reason, String message, boolean executionFailure) {
		super(message);
		this.reason = reason;
		this.executionFailure = executionFailure;
	}

	public String reason() {
		return this.reason;
	}

	public boolean executionFailure() {
		return this.executionFailure;
	}

}
