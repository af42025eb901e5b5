package ai.kubernaut.actions;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import ai.kubernaut.dag.StepResult;
import ai.kubernaut.dag.StepRunner;

/**
 * The native actions by name, and the bridge that lets the DAG executor run them as
 * steps.
 */
public class ActionRegistry {

	private final Map<String, RemediationAction> actions = new TreeMap<>();

	/**
	 * @throws IllegalStateException if two actions share a name
	 */
	public ActionRegistry(List<RemediationAction> actions) {
		for (RemediationAction action : actions) {
			if (this.actions.putIfAbsent(action.name(), action) != null) {
				throw new IllegalStateException("Two actions are named " + action.name());
			}
		}
	}

	/**
	 * The actions, plus aliases that stand for them. An alias is found like an action and
	 * resolves its target when it runs.
	 * @throws IllegalStateException if two actions or aliases share a name
	 */
	public ActionRegistry(List<RemediationAction> actions, List<ActionAlias> aliases) {
		this(actions);
		for (ActionAlias alias : aliases) {
			RemediationAction aliased = new AliasedAction(alias, this.actions::get);
			if (this.actions.putIfAbsent(alias.name(), aliased) != null) {
				throw new IllegalStateException("Alias " + alias.name() + " clashes with an action of that name");
			}
		}
	}

	public Set<String> names() {
		return this.actions.keySet();
	}

	public Optional<RemediationAction> find(String name) {
		return Optional.ofNullable(this.actions.get(name));
	}

	/**
	 * Runs each step with the action it names, after checking the action's required
	 * parameters.
	 */
	public StepRunner runnerFor(UUID remediationId) {
		return (step) -> {
			RemediationAction action = find(step.action())
				.orElseThrow(() -> new IllegalStateException("No action named " + step.action()));
			List<String> missing = action.parameters()
				.stream()
				.filter(ActionParameter::required)
				.map(ActionParameter::name)
				.filter((name) -> step.parameters().get(name) == null
						|| step.parameters().get(name).toString().isBlank())
				.toList();
			if (!missing.isEmpty()) {
				return StepResult.failed(action.name() + " needs parameter(s) " + String.join(", ", missing));
			}
			return StepResult.succeeded(action.execute(new ActionContext(remediationId, step.id(), step.parameters())));
		};
	}

}
