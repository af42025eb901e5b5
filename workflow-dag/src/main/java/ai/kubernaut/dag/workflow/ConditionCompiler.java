package ai.kubernaut.dag.workflow;

import java.util.Map;

/**
 * Turns a step's {@code when} text into a {@link Condition}. The DAG core knows no
 * expression language; the engine plugs one in (CEL).
 */
@FunctionalInterface
public interface ConditionCompiler {

	/**
	 * Rejects every condition, for callers that have no expression language.
	 */
	ConditionCompiler NONE = (expression) -> {
		throw new IllegalArgumentException("conditions are not supported here");
	};

	/**
	 * @throws IllegalArgumentException with a message for the author if
	 * {@code expression} does not compile
	 */
	Condition compile(String expression);

	/**
	 * A compiled condition. Evaluated over three variables: {@code params} (the workflow
	 * parameters), {@code target} ({@code kind}, {@code namespace}, {@code name}) and
	 * {@code steps} (by step id: {@code phase} and {@code output}).
	 */
	@FunctionalInterface
	interface Condition {

		/**
		 * @throws IllegalArgumentException if the condition cannot be evaluated over
		 * {@code variables}, e.g. a missing key
		 */
		boolean test(Map<String, Object> variables);

	}

}
