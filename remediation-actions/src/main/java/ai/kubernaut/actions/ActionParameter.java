package ai.kubernaut.actions;

/**
 * A parameter an action reads.
 */
public record ActionParameter(String name, boolean required, String description) {

	public static ActionParameter required(String name, String description) {
		return new ActionParameter(name, true, description);
	}

	public static ActionParameter optional(String name, String description) {
		return new ActionParameter(name, false, description);
	}

}
