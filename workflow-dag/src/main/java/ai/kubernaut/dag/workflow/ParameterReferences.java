package ai.kubernaut.dag.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * References inside parameter values, resolved just before a step runs.
 * <ul>
 * <li>{@code ${NAME}}: the workflow parameter {@code NAME}; the engine adds
 * {@code TARGET_RESOURCE_KIND}, {@code TARGET_RESOURCE_NAMESPACE},
 * {@code TARGET_RESOURCE_NAME} and {@code TARGET_RESOURCE} from the target.</li>
 * <li>{@code ${steps.ID.KEY}}: the output {@code KEY} of the earlier step {@code ID},
 * which must be among the step's (transitive) dependencies.</li>
 * </ul>
 * A value that is exactly one reference takes the referenced value with its type (a
 * number stays a number); references inside longer text are replaced by their text. Lists
 * and maps are resolved element by element. {@code $${...}} escapes a literal.
 */
public final class ParameterReferences {

	private static final Pattern REFERENCE = Pattern.compile("(\\$?)\\$\\{([^}]*)}");

	private static final Pattern PARAMETER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private static final Pattern STEP_OUTPUT = Pattern.compile("steps\\.([^.]+)\\.([A-Za-z0-9_.-]+)");

	private ParameterReferences() {
	}

	/**
	 * One reference found in a value.
	 *
	 * @param text the reference as written, e.g. {@code ${steps.scale.replicas}}
	 * @param parameter the workflow parameter it names, or {@code null}
	 * @param stepId the step whose output it names, or {@code null}
	 * @param outputKey the output key, or {@code null}
	 * @param problem why it is malformed, or {@code null}
	 */
	public record Reference(String text, String parameter, String stepId, String outputKey, String problem) {

	}

	/**
	 * Every reference in {@code value}, in order, malformed ones included.
	 */
	public static List<Reference> find(Object value) {
		List<Reference> found = new ArrayList<>();
		collect(value, found);
		return found;
	}

	/**
	 * {@code parameters} with every reference replaced.
	 * @param workflowParameters the workflow parameters, TARGET_RESOURCE_* included
	 * @param outputs outputs of completed steps by step id
	 * @throws IllegalArgumentException naming the first reference that cannot be resolved
	 */
	public static Map<String, Object> resolve(Map<String, Object> parameters, Map<String, Object> workflowParameters,
			Map<String, Map<String, Object>> outputs) {
		Map<String, Object> resolved = new LinkedHashMap<>();
		parameters.forEach((key, value) -> resolved.put(key, resolveValue(value, workflowParameters, outputs)));
		return resolved;
	}

	private static Object resolveValue(Object value, Map<String, Object> params,
			Map<String, Map<String, Object>> outputs) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> resolved = new LinkedHashMap<>();
			map.forEach((key, item) -> resolved.put(String.valueOf(key), resolveValue(item, params, outputs)));
			return resolved;
		}
		if (value instanceof List<?> list) {
			return list.stream().map((item) -> resolveValue(item, params, outputs)).toList();
		}
		if (!(value instanceof String text)) {
			return value;
		}
		Matcher whole = REFERENCE.matcher(text);
		if (whole.matches() && whole.group(1).isEmpty()) {
			return lookup(parse(text, whole.group(2)), params, outputs);
		}
		Matcher matcher = REFERENCE.matcher(text);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String replacement = matcher.group(1).isEmpty()
					? String.valueOf(lookup(parse(matcher.group(), matcher.group(2)), params, outputs))
					: matcher.group().substring(1);
			matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	private static Object lookup(Reference reference, Map<String, Object> params,
			Map<String, Map<String, Object>> outputs) {
		if (reference.problem() != null) {
			throw new IllegalArgumentException(reference.text() + ": " + reference.problem());
		}
		if (reference.parameter() != null) {
			if (!params.containsKey(reference.parameter())) {
				throw new IllegalArgumentException(
						reference.text() + ": no workflow parameter '" + reference.parameter() + "' was given");
			}
			return params.get(reference.parameter());
		}
		Map<String, Object> output = outputs.get(reference.stepId());
		if (output == null || !output.containsKey(reference.outputKey())) {
			throw new IllegalArgumentException(reference.text() + ": step '" + reference.stepId() + "' has no output '"
					+ reference.outputKey() + "'");
		}
		return output.get(reference.outputKey());
	}

	private static void collect(Object value, List<Reference> found) {
		if (value instanceof Map<?, ?> map) {
			map.values().forEach((item) -> collect(item, found));
		}
		else if (value instanceof List<?> list) {
			list.forEach((item) -> collect(item, found));
		}
		else if (value instanceof String text) {
			Matcher matcher = REFERENCE.matcher(text);
			while (matcher.find()) {
				if (matcher.group(1).isEmpty()) {
					found.add(parse(matcher.group(), matcher.group(2)));
				}
			}
		}
	}

	private static Reference parse(String text, String body) {
		String inner = body.strip();
		if (inner.startsWith("steps.")) {
			Matcher step = STEP_OUTPUT.matcher(inner);
			return step.matches() ? new Reference(text, null, step.group(1), step.group(2), null)
					: new Reference(text, null, null, null, "write step outputs as ${steps.<stepId>.<outputKey>}");
		}
		return PARAMETER.matcher(inner).matches() ? new Reference(text, inner, null, null, null)
				: new Reference(text, null, null, null,
						"write a workflow parameter as ${NAME} or a step output as ${steps.<stepId>.<outputKey>}");
	}

}
