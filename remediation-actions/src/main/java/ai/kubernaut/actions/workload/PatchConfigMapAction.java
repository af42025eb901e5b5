package ai.kubernaut.actions.workload;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;

import ai.kubernaut.actions.ActionContext;
import ai.kubernaut.actions.ActionParameter;
import ai.kubernaut.actions.mutation.MutationResult;
import ai.kubernaut.actions.mutation.ObjectMutator;

/**
 * {@code patch_config_map}: sets keys ({@code DATA}, a map, or its JSON text) and removes
 * keys ({@code REMOVE_KEYS}, a list or comma-separated text) of the ConfigMap
 * {@code CONFIG_MAP_NAME} in the target's namespace. Pods see the change only when they
 * re-read the mounted file or restart; follow it with a restart step when they read it
 * once.
 */
public final class PatchConfigMapAction extends WorkloadAction {

	public static final String NAME = "patch_config_map";

	static final String CONFIG_MAP_NAME = "CONFIG_MAP_NAME";

	static final String DATA = "DATA";

	static final String REMOVE_KEYS = "REMOVE_KEYS";

	private static final ObjectMapper JSON = new ObjectMapper();

	public PatchConfigMapAction(ObjectMutator mutator) {
		super(mutator);
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<ActionParameter> parameters() {
		return List.of(ActionParameter.required(Target.NAMESPACE, "Namespace of the ConfigMap"),
				ActionParameter.required(CONFIG_MAP_NAME, "The ConfigMap"),
				ActionParameter.optional(DATA, "Keys to set: a map, or its JSON text"),
				ActionParameter.optional(REMOVE_KEYS, "Keys to remove: a list, or comma-separated text"));
	}

	@Override
	public List<String> validate(Map<String, Object> parameters) {
		List<String> problems = new ArrayList<>();
		if (!Checks.present(parameters, DATA) && !Checks.present(parameters, REMOVE_KEYS)) {
			problems.add(NAME + " needs " + DATA + " or " + REMOVE_KEYS);
		}
		Object data = parameters.get(DATA);
		if (data != null && !(data instanceof Map) && Checks.literal(data)) {
			try {
				data(data);
			}
			catch (IllegalArgumentException ex) {
				problems.add(ex.getMessage());
			}
		}
		return problems;
	}

	@Override
	Map<String, Object> act(ActionContext context, boolean dryRun) {
		List<String> problems = validate(context.parameters());
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(String.join("; ", problems));
		}
		Map<String, String> set = data(context.parameters().get(DATA));
		List<String> remove = keys(context.parameters().get(REMOVE_KEYS));
		MutationResult result = write(context, dryRun, ConfigMap.class, context.require(Target.NAMESPACE),
				context.require(CONFIG_MAP_NAME), (configMap) -> {
					Map<String, String> data = (configMap.getData() != null) ? new LinkedHashMap<>(configMap.getData())
							: new LinkedHashMap<>();
					data.putAll(set);
					remove.forEach(data::remove);
					configMap.setData(data);
					return configMap;
				});
		return result.toOutput();
	}

	static Map<String, String> data(Object value) {
		if (value == null || value.toString().isBlank()) {
			return Map.of();
		}
		Map<?, ?> map;
		if (value instanceof Map<?, ?> given) {
			map = given;
		}
		else {
			try {
				map = JSON.readValue(value.toString(), Map.class);
			}
			catch (JsonProcessingException ex) {
				throw new IllegalArgumentException(DATA
						+ " must be a map of keys to text, e.g. {\"LOG_LEVEL\": \"debug\"}, got \"" + value + "\"");
			}
		}
		Map<String, String> data = new LinkedHashMap<>();
		map.forEach((key, item) -> {
			if (item instanceof Map || item instanceof List) {
				throw new IllegalArgumentException(DATA + "." + key + " must be text, got " + item);
			}
			data.put(String.valueOf(key), (item != null) ? String.valueOf(item) : "");
		});
		return data;
	}

	static List<String> keys(Object value) {
		if (value == null) {
			return List.of();
		}
		if (value instanceof List<?> list) {
			return list.stream().map(String::valueOf).map(String::trim).filter((key) -> !key.isEmpty()).toList();
		}
		return Arrays.stream(value.toString().split(",")).map(String::trim).filter((key) -> !key.isEmpty()).toList();
	}

}
