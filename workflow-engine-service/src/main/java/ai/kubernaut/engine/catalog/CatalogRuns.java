package ai.kubernaut.engine.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.kubernaut.contracts.catalog.WorkflowDefinition;
import ai.kubernaut.contracts.catalog.WorkflowParameter;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Turns a registered catalog workflow into the native definition the engine runs.
 * <ul>
 * <li>{@code engine: dag}: the {@code execution.steps} (and optional
 * {@code execution.strategy}) of the registered content, as written.</li>
 * <li>{@code engine: job}: one {@code run_job} step running the workflow's bundle image
 * as a Kubernetes Job, Kubernaut's model: its declared parameters become the Job's
 * environment.</li>
 * </ul>
 * Other engines (Tekton, Ansible) need infrastructure this engine does not drive; such a
 * workflow is refused with {@link UnsupportedEngineException} rather than run halfway.
 */
public final class CatalogRuns {

	public static final String RUN_JOB = "run_job";

	private CatalogRuns() {
	}

	/**
	 * @throws UnsupportedEngineException for engines other than dag and job
	 * @throws IllegalArgumentException if a dag workflow's content has no steps
	 */
	public static CatalogRun of(WorkflowDefinition workflow) {
		String engine = (workflow.executionEngine() != null) ? workflow.executionEngine() : "tekton";
		Map<String, Object> definition = new LinkedHashMap<>();
		definition.put("name", workflow.workflowName());
		switch (engine) {
			case "dag" -> {
				Map<?, ?> execution = execution(workflow);
				Object steps = execution.get("steps");
				if (!(steps instanceof List<?> list) || list.isEmpty()) {
					throw new IllegalArgumentException("workflow " + workflow.workflowName()
							+ " has engine dag but no execution.steps in its registered content");
				}
				if (execution.get("strategy") instanceof Map<?, ?> strategy) {
					definition.put("strategy", strategy);
				}
				definition.put("steps", steps);
			}
			case "job" -> {
				Map<String, Object> parameters = new LinkedHashMap<>();
				parameters.put("IMAGE", workflow.executionBundle());
				parameters.put("WORKFLOW_ID", workflow.workflowId());
				if (workflow.serviceAccountName() != null) {
					parameters.put("SERVICE_ACCOUNT_NAME", workflow.serviceAccountName());
				}
				parameters.put("PARAMETER_NAMES", declaredNames(workflow));
				definition.put("steps", List.of(Map.of("id", "job", "name", workflow.workflowName() + " (Job)",
						"action", RUN_JOB, "parameters", parameters)));
			}
			default -> throw new UnsupportedEngineException(workflow.workflowName(), engine);
		}
		return new CatalogRun(workflow.workflowId(), workflow.workflowName(), workflow.actionType(), engine, definition,
				defaults(workflow));
	}

	private static String declaredNames(WorkflowDefinition workflow) {
		return String.join(",", (workflow.parameters() != null)
				? workflow.parameters().stream().map(WorkflowParameter::name).toList() : List.of());
	}

	private static Map<String, Object> defaults(WorkflowDefinition workflow) {
		Map<String, Object> defaults = new LinkedHashMap<>();
		if (workflow.parameters() != null) {
			for (WorkflowParameter parameter : workflow.parameters()) {
				if (parameter.defaultValue() != null) {
					defaults.put(parameter.name(), parameter.defaultValue());
				}
			}
		}
		return defaults;
	}

	private static Map<?, ?> execution(WorkflowDefinition workflow) {
		if (workflow.content() == null) {
			return Map.of();
		}
		Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(workflow.content());
		if (document instanceof Map<?, ?> root) {
			Object spec = (root.get("spec") instanceof Map<?, ?> nested) ? nested : root;
			if (spec instanceof Map<?, ?> map && map.get("execution") instanceof Map<?, ?> execution) {
				return execution;
			}
		}
		return Map.of();
	}

}
