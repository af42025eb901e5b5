package ai.kubernaut.dag.workflow;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How a whole workflow behaves on failure, how wide it runs and how long it may take.
 *
 * @param failure what a failed step means for the rest of the run
 * @param parallelism how many steps of one run may run at once, 1 to 10
 * @param rollback what happens to completed steps when the run fails
 * @param timeout the longest the run may take from its start, waits for approval included
 */
public record Strategy(Failure failure, int parallelism, RollbackMode rollback, Duration timeout) {

	public static final int DEFAULT_PARALLELISM = 3;

	public static final int MAX_PARALLELISM = 10;

	public Strategy {
		Objects.requireNonNull(failure, "failure");
		Objects.requireNonNull(rollback, "rollback");
		Objects.requireNonNull(timeout, "timeout");
		if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
			throw new IllegalArgumentException(
					"parallelism must be between 1 and " + MAX_PARALLELISM + ", got " + parallelism);
		}
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("timeout must be positive, got " + timeout);
		}
	}

	/**
	 * The defaults for a workflow of {@code stepCount} steps: fail fast, 3 in parallel,
	 * no automatic rollback, and {@link #defaultTimeout(int)}.
	 */
	public static Strategy defaults(int stepCount) {
		return new Strategy(Failure.FAIL_FAST, DEFAULT_PARALLELISM, RollbackMode.NONE, defaultTimeout(stepCount));
	}

	/**
	 * 10 minutes for up to 3 steps, 20 for up to 10, 45 beyond: long enough for the usual
	 * rollout, short enough that a stuck run is noticed within one on-call page.
	 */
	public static Duration defaultTimeout(int stepCount) {
		if (stepCount <= 3) {
			return Duration.ofMinutes(10);
		}
		return (stepCount <= 10) ? Duration.ofMinutes(20) : Duration.ofMinutes(45);
	}

	/**
	 * What a failed step (one without attempts left) means for the others.
	 */
	public enum Failure {

		/**
		 * No new step starts anywhere; running steps finish, pending ones are skipped.
		 */
		FAIL_FAST("fail-fast"),
		/**
		 * Branches that do not depend on the failed step go on; its dependents are
		 * skipped. The run still ends Failed.
		 */
		CONTINUE_ON_ERROR("continue-on-error");

		private final String text;

		Failure(String text) {
			this.text = text;
		}

		public String text() {
			return this.text;
		}

		public static Failure parse(String text) {
			for (Failure failure : values()) {
				if (failure.text.equals(text.toLowerCase(Locale.ROOT))) {
					return failure;
				}
			}
			throw new IllegalArgumentException("must be fail-fast or continue-on-error, got '" + text + "'");
		}

	}

	/**
	 * What happens to completed steps once the run has failed or timed out.
	 */
	public enum RollbackMode {

		/** Compensate completed steps in reverse dependency order, one at a time. */
		AUTOMATIC("automatic"),
		/** Leave them; an operator starts the compensation. */
		MANUAL("manual"),
		/** Leave them. */
		NONE("none");

		private final String text;

		RollbackMode(String text) {
			this.text = text;
		}

		public String text() {
			return this.text;
		}

		public static RollbackMode parse(String text) {
			for (RollbackMode mode : values()) {
				if (mode.text.equals(text.toLowerCase(Locale.ROOT))) {
					return mode;
				}
			}
			throw new IllegalArgumentException("must be automatic, manual or none, got '" + text + "'");
		}

	}

}
