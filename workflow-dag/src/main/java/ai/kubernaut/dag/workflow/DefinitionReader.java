package ai.kubernaut.dag.workflow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.kubernaut.dag.DagError;

/**
 * Reads a workflow from a parsed JSON or YAML tree (maps, lists, strings, numbers,
 * booleans) in any of three shapes, all into the same {@link WorkflowDefinition}:
 * <ul>
 * <li>native: {@code steps[].id}, {@code dependsOn}, {@code strategy};</li>
 * <li>a recommendation list: {@code recommendations[].id} ({@code rec-001}),
 * {@code dependencies} by id, {@code requiresApproval}, {@code risk};</li>
 * <li>a numbered step list: {@code steps[].stepNumber} with numeric {@code dependencies},
 * bare or inside {@code workflowDefinition} or a WorkflowExecution's {@code spec}; steps
 * become {@code step-<n>}.</li>
 * </ul>
 * Field problems are collected, not thrown, so they are reported together with the
 * graph's.
 */
final class DefinitionReader {

	private final List<DagError> errors = new ArrayList<>();

	record Parsed(WorkflowDefinition definition, List<DagError> errors) {

	}

	static Parsed read(Map<String, ?> tree) {
		DefinitionReader reader = new DefinitionReader();
		WorkflowDefinition definition = reader.readAny(tree);
		return new Parsed(definition, List.copyOf(reader.errors));
	}

	private WorkflowDefinition readAny(Map<String, ?> tree) {
		if (tree.get("recommendations") != null) {
			return readRecommendations(tree);
		}
		Map<String, ?> root = tree;
		Map<String, ?> executionStrategy = null;
		if (map(tree.get("spec")) != null) {
			root = map(tree.get("spec"));
		}
		if (map(root.get("workflowDefinition")) != null) {
			executionStrategy = map(root.get("executionStrategy"));
			root = map(root.get("workflowDefinition"));
		}
		List<?> steps = list(root.get("steps"));
		if (steps != null && !steps.isEmpty() && map(steps.get(0)) != null
				&& map(steps.get(0)).get("stepNumber") != null) {
			return readNumbered(root, steps, (executionStrategy != null) ? executionStrategy : Map.of());
		}
		return readNative(root);
	}

	private WorkflowDefinition readNative(Map<String, ?> root) {
		List<WorkflowStep> steps = new ArrayList<>();
		List<?> items = requiredList(root, "steps", "steps");
		for (int i = 0; i < items.size(); i++) {
			String path = "steps[" + i + "]";
			Map<String, ?> item = requiredMap(items.get(i), path);
			if (item == null) {
				continue;
			}
			String id = text(item, "id", path);
			steps.add(new WorkflowStep(id, text(item, "name", path), text(item, "action", path),
					parameters(item.get("parameters"), path + ".parameters", id), strings(item, "dependsOn", path, id),
					duration(item, "timeout", path, id), retry(item.get("retry"), path + ".retry", id),
					text(item, "when", path), bool(item, "requiresApproval", path, id),
					rollback(item.get("rollback"), path + ".rollback", id), text(item, "risk", path)));
		}
		Strategy strategy = strategy(map(root.get("strategy")), steps.size());
		return new WorkflowDefinition(text(root, "name", ""), steps, strategy,
				metadata(root, "name", "steps", "strategy"));
	}

	private WorkflowDefinition readRecommendations(Map<String, ?> root) {
		List<WorkflowStep> steps = new ArrayList<>();
		List<?> items = requiredList(root, "recommendations", "recommendations");
		for (int i = 0; i < items.size(); i++) {
			String path = "recommendations[" + i + "]";
			Map<String, ?> item = requiredMap(items.get(i), path);
			if (item == null) {
				continue;
			}
			String id = text(item, "id", path);
			steps.add(new WorkflowStep(id, text(item, "description", path), text(item, "action", path),
					parameters(item.get("parameters"), path + ".parameters", id),
					strings(item, "dependencies", path, id), duration(item, "timeout", path, id), null, null,
					bool(item, "requiresApproval", path, id), null, text(item, "risk", path)));
		}
		return new WorkflowDefinition(text(root, "name", ""), steps, strategy(map(root.get("strategy")), steps.size()),
				metadata(root, "name", "recommendations", "strategy"));
	}

	private WorkflowDefinition readNumbered(Map<String, ?> root, List<?> items, Map<String, ?> executionStrategy) {
		List<WorkflowStep> steps = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			String path = "steps[" + i + "]";
			Map<String, ?> item = requiredMap(items.get(i), path);
			if (item == null) {
				continue;
			}
			String id = numberedId(item.get("stepNumber"), path + ".stepNumber");
			List<String> dependsOn = new ArrayList<>();
			List<?> dependencies = (item.get("dependencies") != null) ? list(item.get("dependencies")) : List.of();
			if (dependencies == null) {
				field(path + ".dependencies", id, "must be a list of step numbers");
			}
			else {
				for (int d = 0; d < dependencies.size(); d++) {
					dependsOn.add(numberedId(dependencies.get(d), path + ".dependencies[" + d + "]"));
				}
			}
			steps.add(new WorkflowStep(id, text(item, "name", path), text(item, "action", path),
					parameters(item.get("parameters"), path + ".parameters", id), dependsOn,
					duration(item, "timeout", path, id), retry(item.get("retry"), path + ".retry", id),
					text(item, "when", path), bool(item, "requiresApproval", path, id),
					rollback(item.get("rollback"), path + ".rollback", id), text(item, "risk", path)));
		}
		Map<String, Object> strategy = new LinkedHashMap<>();
		if (executionStrategy.get("rollbackStrategy") != null) {
			strategy.put("rollback", executionStrategy.get("rollbackStrategy"));
		}
		return new WorkflowDefinition(text(root, "name", ""), steps, strategy(strategy, steps.size()),
				metadata(executionStrategy));
	}

	private String numberedId(Object value, String path) {
		if (value instanceof Number number && number.doubleValue() == number.longValue() && number.longValue() > 0) {
			return "step-" + number.longValue();
		}
		if (value instanceof String text && text.strip().matches("\\d+")) {
			return "step-" + Long.parseLong(text.strip());
		}
		field(path, null, "must be a positive step number, got " + describe(value));
		return "step-?";
	}

	private Strategy strategy(Map<String, ?> tree, int stepCount) {
		Strategy defaults = Strategy.defaults(stepCount);
		if (tree == null) {
			return defaults;
		}
		Strategy.Failure failure = defaults.failure();
		Strategy.RollbackMode rollback = defaults.rollback();
		int parallelism = defaults.parallelism();
		Duration timeout = defaults.timeout();
		String failureText = text(tree, "failure", "strategy");
		if (failureText != null) {
			try {
				failure = Strategy.Failure.parse(failureText);
			}
			catch (IllegalArgumentException ex) {
				field("strategy.failure", null, ex.getMessage());
			}
		}
		String rollbackText = text(tree, "rollback", "strategy");
		if (rollbackText != null) {
			try {
				rollback = Strategy.RollbackMode.parse(rollbackText);
			}
			catch (IllegalArgumentException ex) {
				field("strategy.rollback", null, ex.getMessage());
			}
		}
		Object parallel = tree.get("parallelism");
		if (parallel != null) {
			if (parallel instanceof Number number && number.doubleValue() == number.intValue() && number.intValue() >= 1
					&& number.intValue() <= Strategy.MAX_PARALLELISM) {
				parallelism = number.intValue();
			}
			else {
				field("strategy.parallelism", null,
						"must be a whole number from 1 to " + Strategy.MAX_PARALLELISM + ", got " + describe(parallel));
			}
		}
		Duration configured = duration(tree, "timeout", "strategy", null);
		if (configured != null) {
			if (configured.isZero()) {
				field("strategy.timeout", null, "must be positive");
			}
			else {
				timeout = configured;
			}
		}
		return new Strategy(failure, parallelism, rollback, timeout);
	}

	private RetryPolicy retry(Object value, String path, String stepId) {
		if (value == null) {
			return null;
		}
		Map<String, ?> tree = map(value);
		if (tree == null) {
			field(path, stepId, "must be an object with maxAttempts, backoff and multiplier");
			return null;
		}
		int maxAttempts = 1;
		Object attempts = tree.get("maxAttempts");
		if (attempts instanceof Number number && number.doubleValue() == number.intValue() && number.intValue() >= 1) {
			maxAttempts = number.intValue();
		}
		else {
			field(path + ".maxAttempts", stepId, "must be a whole number of at least 1, got " + describe(attempts));
		}
		Duration backoff = duration(tree, "backoff", path, stepId);
		double multiplier = 2.0;
		Object factor = tree.get("multiplier");
		if (factor != null) {
			if (factor instanceof Number number && number.doubleValue() >= 1.0) {
				multiplier = number.doubleValue();
			}
			else {
				field(path + ".multiplier", stepId, "must be a number of at least 1, got " + describe(factor));
			}
		}
		return new RetryPolicy(maxAttempts, (backoff != null) ? backoff : Duration.ofSeconds(5), multiplier);
	}

	private Rollback rollback(Object value, String path, String stepId) {
		if (value == null) {
			return null;
		}
		Map<String, ?> tree = map(value);
		if (tree == null || !(tree.get("action") instanceof String action) || action.isBlank()) {
			field(path, stepId, "must be an object with an action and optional parameters");
			return null;
		}
		return new Rollback(action, parameters(tree.get("parameters"), path + ".parameters", stepId));
	}

	private Map<String, Object> parameters(Object value, String path, String stepId) {
		if (value == null) {
			return Map.of();
		}
		Map<String, ?> tree = map(value);
		if (tree == null) {
			field(path, stepId, "must be an object, got " + describe(value));
			return Map.of();
		}
		return new LinkedHashMap<>(tree);
	}

	private List<String> strings(Map<String, ?> tree, String key, String path, String stepId) {
		Object value = tree.get(key);
		if (value == null) {
			return List.of();
		}
		List<?> items = list(value);
		List<String> strings = new ArrayList<>();
		if (items == null) {
			field(path + "." + key, stepId, "must be a list of step ids, got " + describe(value));
			return strings;
		}
		for (Object item : items) {
			if (item instanceof String text) {
				strings.add(text);
			}
			else {
				field(path + "." + key, stepId, "must be a list of step ids, got " + describe(item));
			}
		}
		return strings;
	}

	private Duration duration(Map<String, ?> tree, String key, String path, String stepId) {
		Object value = tree.get(key);
		if (value == null) {
			return null;
		}
		String where = path.isEmpty() ? key : path + "." + key;
		if (value instanceof Number number) {
			return Duration.ofMillis((long) (number.doubleValue() * 1000));
		}
		if (value instanceof String text) {
			try {
				return Durations.parse(text);
			}
			catch (IllegalArgumentException ex) {
				field(where, stepId, ex.getMessage());
				return null;
			}
		}
		field(where, stepId, "must be a duration such as 30s, got " + describe(value));
		return null;
	}

	private boolean bool(Map<String, ?> tree, String key, String path, String stepId) {
		Object value = tree.get(key);
		if (value == null) {
			return false;
		}
		if (value instanceof Boolean flag) {
			return flag;
		}
		field(path + "." + key, stepId, "must be true or false, got " + describe(value));
		return false;
	}

	private String text(Map<String, ?> tree, String key, String path) {
		Object value = tree.get(key);
		if (value == null) {
			return (key.equals("id") || key.equals("action")) ? "" : null;
		}
		if (value instanceof String text) {
			return text;
		}
		if (value instanceof Number || value instanceof Boolean) {
			return String.valueOf(value);
		}
		field(path.isEmpty() ? key : path + "." + key, null, "must be text, got " + describe(value));
		return (key.equals("id") || key.equals("action")) ? "" : null;
	}

	private List<?> requiredList(Map<String, ?> tree, String key, String path) {
		List<?> items = list(tree.get(key));
		if (items == null) {
			field(path, null, "must be a list of steps");
			return List.of();
		}
		return items;
	}

	private Map<String, ?> requiredMap(Object value, String path) {
		Map<String, ?> tree = map(value);
		if (tree == null) {
			field(path, null, "must be an object, got " + describe(value));
		}
		return tree;
	}

	private void field(String path, String stepId, String message) {
		this.errors.add(new DagError(DagError.Kind.INVALID_FIELD, stepId, path + ": " + message));
	}

	private static Map<String, Object> metadata(Map<String, ?> tree, String... known) {
		Map<String, Object> metadata = new LinkedHashMap<>();
		tree.forEach((key, value) -> {
			if (value != null && !List.of(known).contains(key)) {
				metadata.put(key, value);
			}
		});
		return metadata;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, ?> map(Object value) {
		return (value instanceof Map<?, ?> map) ? (Map<String, ?>) map : null;
	}

	private static List<?> list(Object value) {
		return (value instanceof List<?> list) ? list : null;
	}

	private static String describe(Object value) {
		if (value == null) {
			return "nothing";
		}
		return (value instanceof String text) ? "'" + text + "'" : String.valueOf(value);
	}

}
