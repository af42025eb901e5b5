package ai.kubernaut.dag.workflow;

import java.util.Locale;

/**
 * Where one step of a durable run is.
 */
public enum StepPhase {

	/** Not started, or waiting for its retry time. */
	PENDING,
	/** An attempt is under way. */
	RUNNING,
	/** Ready to start, held until a person approves. */
	WAITING_APPROVAL,
	/** Finished successfully. */
	COMPLETED,
	/** The last attempt failed or timed out. */
	FAILED,
	/**
	 * Will never run: its condition was false, a dependency did not complete, or the run
	 * stopped.
	 */
	SKIPPED,
	/** Stopped by an operator's cancel. */
	CANCELLED,
	/** Completed, then compensated after the run failed. */
	ROLLED_BACK,
	/** Completed, then its compensation failed; needs a person. */
	ROLLBACK_FAILED;

	/**
	 * Whether nothing more happens to the step in this run (rollback aside).
	 */
	public boolean isTerminal() {
		return this != PENDING && this != RUNNING && this != WAITING_APPROVAL;
	}

	/**
	 * The wire form, e.g. {@code waiting-approval}.
	 */
	public String text() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public static StepPhase parse(String text) {
		return valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
	}

}
