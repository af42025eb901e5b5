package ai.kubernaut.dag;

/**
 * Where one step of a run is. A step absent from a status map is {@link #PENDING}.
 */
public enum StepStatus {

	/** Not started; waits for its dependencies. */
	PENDING,
	/** Started and not finished. */
	RUNNING,
	/** Finished successfully. */
	SUCCEEDED,
	/** Finished with an error. */
	FAILED,
	/**
	 * Will never run, because a dependency did not succeed or the run stopped after a
	 * failure.
	 */
	SKIPPED;

	/**
	 * Whether the step will never change again.
	 */
	public boolean isTerminal() {
		return this == SUCCEEDED || this == FAILED || this == SKIPPED;
	}

}
