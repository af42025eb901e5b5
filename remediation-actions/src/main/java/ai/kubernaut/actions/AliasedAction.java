package ai.kubernaut.actions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The action an {@link ActionAlias} stands for, chosen anew for every call from the
 * step's parameters, so a frozen {@code prepare} result and the later {@code execute}
 * reach the same target.
 */
final class AliasedAction implements RemediationAction {

	private final ActionAlias alias;

	private final Function<String, RemediationAction> actions;

	AliasedAction(ActionAlias alias, Function<String, RemediationAction> actions) {
		this.alias = alias;
		this.actions = actions;
	}

	@Override
	public String name() {
		return this.alias.name();
	}

	/**
	 * None declared here: which ones are required depends on the target, so
	 * {@link #execute} checks them once the target is known.
	 */
	@Override
	public List<ActionParameter> parameters() {
		return List.of();
	}

	@Override
	public Map<String, Object> execute(ActionContext context) {
		ActionContext translated = translate(context);
		RemediationAction target = target(translated.parameters());
		requireParameters(target, translated.parameters());
		Map<String, Object> output = new LinkedHashMap<>(target.execute(translated));
		output.putIfAbsent("aliasOf", target.name());
		return output;
	}

	/**
	 * The target's checks, when the parameters already say which target that is.
	 */
	@Override
	public List<String> validate(Map<String, Object> parameters) {
		Map<String, Object> translated = this.alias.translate().apply(parameters);
		RemediationAction target;
		try {
			target = target(parameters);
		}
		catch (RuntimeException ex) {
			return List.of(ex.getMessage());
		}
		return target.validate(translated);
	}

	@Override
	public Map<String, Object> prepare(ActionContext context) {
		ActionContext translated = translate(context);
		return target(translated.parameters()).prepare(translated);
	}

	@Override
	public Map<String, Object> preview(ActionContext context) {
		ActionContext translated = translate(context);
		Map<String, Object> output = new LinkedHashMap<>(target(translated.parameters()).preview(translated));
		output.putIfAbsent("aliasOf", target(translated.parameters()).name());
		return output;
	}

	/**
	 * Mutating when any action it may stand for is: an alias cannot know its target
	 * before it sees the parameters, and the engine must treat it with the care the
	 * riskier one needs.
	 */
	@Override
	public boolean mutating() {
		return true;
	}

	/**
	 * The action this alias stands for with these parameters.
	 * @throws IllegalArgumentException if the alias names an action that is not
	 * registered
	 */
	RemediationAction target(Map<String, Object> parameters) {
		String name = this.alias.target().apply(this.alias.translate().apply(parameters));
		RemediationAction target = this.actions.apply(name);
		if (target == null) {
			throw new IllegalArgumentException(
					this.alias.name() + " stands for " + name + ", which is not a registered action");
		}
		return target;
	}

	ActionAlias alias() {
		return this.alias;
	}

	private ActionContext translate(ActionContext context) {
		return new ActionContext(context.remediationId(), context.stepId(),
				this.alias.translate().apply(context.parameters()), context.startedAt());
	}

	private static void requireParameters(RemediationAction target, Map<String, Object> parameters) {
		List<String> missing = target.parameters()
			.stream()
			.filter(ActionParameter::required)
			.map(ActionParameter::name)
			.filter((name) -> parameters.get(name) == null || parameters.get(name).toString().isBlank())
			.toList();
		if (!missing.isEmpty()) {
			throw new IllegalArgumentException(target.name() + " needs parameter(s) " + String.join(", ", missing));
		}
	}

}
