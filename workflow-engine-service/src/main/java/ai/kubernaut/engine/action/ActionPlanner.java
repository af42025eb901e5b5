package ai.kubernaut.engine.action;

import ai.kubernaut.actions.ActionRegistry;

import java.util.LinkedHashMap;
import java.util.Map;

import ai.kubernaut.contracts.catalog.WorkflowDefinition;
import ai.kubernaut.contracts.catalog.WorkflowParameter;
import ai.kubernaut.contracts.signal.ResourceRef;
import ai.kubernaut.dag.Dag;
import ai.kubernaut.dag.DagValidationException;
import ai.kubernaut.dag.StepSpec;

/**
 * Turns a chosen workflow into the graph of native steps the engine runs.
 * <p>
 * For now every action type maps to one native action and the graph has one step.
 * Parameters are layered, later ones winning: the workflow's declared defaults, the
 * route's parameters, then {@code TARGET_RESOURCE_NAMESPACE},
 * {@code TARGET_RESOURCE_NAME} and {@code TARGET_RESOURCE_KIND} from the remediation's
 * target, which nothing may override.
 */
public class ActionPlanner {

	/** Catalog action type to the native action that implements it. */
	static final Map<String, String> NATIVE_ACTIONS = Map.of("ScaleReplicas", ScaleDeploymentAction.NAME);

	private final ActionRegistry actions;

	public ActionPlanner(ActionRegistry actions) {
		this.actions = actions;
	}

	/**
	 * @throws UnsupportedActionTypeException if no native action implements
	 * {@code actionType}
	 * @throws DagValidationException if the resulting graph is invalid
	 */
	public Dag plan(String actionType, WorkflowDefinition workflow, Map<String, String> routeParameters,
			ResourceRef target) {
		String action = NATIVE_ACTIONS.get(actionType);
		if (action == null) {
			throw new UnsupportedActionTypeException(actionType, NATIVE_ACTIONS.keySet());
		}
		Map<String, Object> parameters = new LinkedHashMap<>();
		if (workflow.parameters() != null) {
			for (WorkflowParameter parameter : workflow.parameters()) {
				if (parameter.defaultValue() != null) {
					parameters.put(parameter.name(), parameter.defaultValue());
				}
			}
		}
		parameters.putAll(routeParameters);
		parameters.put("TARGET_RESOURCE_NAMESPACE", target.namespace());
		parameters.put("TARGET_RESOURCE_NAME", target.name());
		parameters.put("TARGET_RESOURCE_KIND", target.kind());
		return Dag.builder()
			.knownActions(this.actions.names())
			.step(new StepSpec(action, action, parameters, null))
			.build();
	}

}
