package ai.kubernaut.engine.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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

	private static final Pattern PINNED = Pattern.compile(".+@sha256:[0-9a-f]{64}");

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
				String bundle = workflow.executionBundle();
				if (bundle == null || !PINNED.matcher(bundle).matches()) {
					throw new IllegalArgumentException("workflow " + workflow.workflowName()
							+ " has engine job but its bundle is not pinned by a sha256 digest (" + bundle
							+ "); the engine runs only images it can identify");
				}
				Map<String, Object> parameters = new LinkedHashMap<>();
				parameters.put("IMAGE", bundle);
				if (workflow.serviceAccountName() != null) {
					parameters.put("SERVICE_ACCOUNT", workflow.serviceAccountName());
				}
				definition.put("steps", List.of(Map.of("id", "job", "name", workflow.workflowName() + " (Job)",
						"action", RUN_JOB, "parameters", parameters)));
			}
			default -> throw new UnsupportedEngineException(workflow.workflowName(), engine);
		}
		return new CatalogRun(workflow.workflowId(), workflow.workflowName(), workflow.actionType(), engine, definition,
				defaults(workflow));
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
