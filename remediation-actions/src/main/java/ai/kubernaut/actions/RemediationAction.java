package ai.kubernaut.actions;

import java.util.List;
import java.util.Map;

/**
 * One native action the engine can perform as a workflow step, e.g.
 * {@code scale_deployment}.
 * <p>
 * Contract for implementations: {@link #execute} is idempotent (running it again against
 * the state it produced changes nothing), thread-safe, touches only the objects named by
 * its parameters, and reports failure by throwing an exception whose message an operator
 * can act on. An action that decides not to act on purpose (the target is outside the
 * engine's scope, say) throws {@link ActionSkippedException}, and the step is recorded as
 * skipped with that reason.
 * <p>
 * A step's output may carry {@code rollback: {action, parameters}}: the compensation the
 * engine runs, in reverse dependency order, when a later step fails under
 * {@code rollback: automatic}. Mutating Kubernetes actions put there the restore of the
 * snapshot they took before writing.
 */
public interface RemediationAction {

	/**
	 * The name steps use to call this action; lower snake case.
	 */
	String name();

	/**
	 * The parameters the action reads. Required ones are checked before {@link #execute}
	 * is called.
	 */
	List<ActionParameter> parameters();

	/**
	 * Checks the literal values of the parameters before a run starts, so a bad value is
	 * refused when the execution is submitted rather than found half-way through it.
	 * Values that still hold a reference ({@code ${...}}) are resolved only when the step
	 * runs and are not checked here; absent required parameters are reported by the
	 * engine from {@link #parameters()}.
	 * @param parameters the step's parameters as written, merged with the workflow's
	 * @return one message per problem, naming the parameter, e.g.
	 * {@code MEMORY_INCREASE_FACTOR must be a number > 1, got "x"}; empty when valid
	 */
	default List<String> validate(Map<String, Object> parameters) {
		return List.of();
	}

	/**
	 * Performs the action.
	 * @return what it did, for the step's output (e.g. {@code previousReplicas}); never
	 * {@code null}
	 */
	Map<String, Object> execute(ActionContext context);

	/**
	 * Freezes the parameters an attempt will act on, before its side effect: e.g. turns a
	 * relative change into an absolute target. The result is stored with the attempt, and
	 * a re-driven attempt executes with it again, so the change happens once.
	 * @return the parameters to execute with; by default the given ones
	 */
	default Map<String, Object> prepare(ActionContext context) {
		return context.parameters();
	}

	/**
	 * Whether the action changes the cluster or anything outside the engine.
	 */
	default boolean mutating() {
		return false;
	}

	/**
	 * What {@link #execute} would do, without doing it: the dry run. Mutating actions ask
	 * the API server ({@code dryRun=All}) and return the diff they would apply under
	 * {@code diff}. Must not change anything.
	 * @return the step's dry-run output; never {@code null}
	 */
	default Map<String, Object> preview(ActionContext context) {
		return Map.of("dryRun", true, "action", name(), "mutating", mutating(), "parameters", context.parameters());
	}

}
