package ai.kubernaut.actions.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.kubernaut.actions.ActionContext;
import ai.kubernaut.actions.ActionParameter;
import ai.kubernaut.actions.observe.TargetRef;

/**
 * {@code NODE_NAME}, which defaults to the target when the target is a Node: Kubernaut's
 * workflows often target the affected workload and name the node separately.
 */
final class NodeParameters {

	static final String NODE_NAME = "NODE_NAME";

	static final ActionParameter PARAMETER = ActionParameter.optional(NODE_NAME,
			"The node; the target when it is a Node");

	private NodeParameters() {
	}

	static String nodeName(ActionContext context) {
		return context.optional(NODE_NAME).orElseGet(() -> {
			if (!"node".equalsIgnoreCase(context.optional(TargetRef.KIND).orElse(""))) {
				throw new IllegalArgumentException(NODE_NAME + " is required when the target is not a Node");
			}
			return context.require(TargetRef.NAME);
		});
	}

	static List<String> validate(Map<String, Object> parameters) {
		List<String> problems = new ArrayList<>();
		Object node = parameters.get(NODE_NAME);
		String kind = TargetRef.kindOf(parameters);
		if ((node == null || node.toString().isBlank()) && !"node".equalsIgnoreCase(kind) && !kind.contains("${")) {
			problems.add(NODE_NAME + " is required when the target is not a Node (target kind: \"" + kind + "\")");
		}
		return problems;
	}

}
