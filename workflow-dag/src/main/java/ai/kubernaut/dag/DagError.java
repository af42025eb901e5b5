package ai.kubernaut.dag;

/**
 * One reason a set of steps does not form a valid {@link Dag}.
 *
 * @param kind what is wrong
 * @param stepId the step the error is about; for a cycle, the first declared step on it;
 * {@code null} for an empty graph
 * @param message a sentence an operator can act on, naming the steps involved
 */
public record DagError(Kind kind, String stepId, String message) {

	@Override
	public String toString() {
		return this.message;
	}

	/**
	 * The kinds of validation errors.
	 */
	public enum Kind {

		/** The graph has no steps. */
		EMPTY,
		/** A step has a blank id or action. */
		INVALID_STEP,
		/** Two or more steps share an id. */
		DUPLICATE_STEP,
		/** A step depends on an id no step has. */
		UNKNOWN_DEPENDENCY,
		/** A step names an action outside the builder's known actions. */
		UNKNOWN_ACTION,
		/** Steps depend on each other in a circle, so none of them could ever start. */
		CYCLE,
		/** A field of the definition has the wrong type or an out-of-range value. */
		INVALID_FIELD,
		/** A step lacks a parameter its action requires. */
		MISSING_PARAMETER,
		/** A parameter refers to something the step cannot see when it runs. */
		INVALID_REFERENCE,
		/** A step's {@code when} condition does not compile. */
		INVALID_CONDITION

	}

}
