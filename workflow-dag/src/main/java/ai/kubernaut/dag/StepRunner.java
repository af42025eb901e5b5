package ai.kubernaut.dag;

/**
 * Runs one step. Called on a worker thread, possibly concurrently with other steps of the
 * same run, so implementations must be thread-safe.
 * <p>
 * Returning {@link StepResult.Failed} and throwing are equivalent: a thrown exception
 * fails the step with its message. A runner may be called again for the same step when a
 * run is resumed, so steps that change the world should be idempotent.
 */
@FunctionalInterface
public interface StepRunner {

	StepResult run(StepSpec step) throws Exception;

}
