package ai.kubernaut.actions.node;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Node;

import ai.kubernaut.actions.ActionContext;
import ai.kubernaut.actions.ActionParameter;
import ai.kubernaut.actions.RemediationAction;
import ai.kubernaut.actions.mutation.MutationResult;
import ai.kubernaut.actions.mutation.ObjectMutator;

/**
 * Makes a node schedulable again, as {@code kubectl uncordon} does. Through
 * {@link ObjectMutator}: previewed, stamped, undone from its snapshot.
 */
public class UncordonNodeAction implements RemediationAction {

	public static final String NAME = "uncordon_node";

	private final ObjectMutator mutator;

	public UncordonNodeAction(ObjectMutator mutator) {
		this.mutator = mutator;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<ActionParameter> parameters() {
		return List.of(NodeParameters.PARAMETER);
	}

	@Override
	public boolean mutating() {
		return true;
	}

	@Override
	public List<String> validate(Map<String, Object> parameters) {
		return NodeParameters.validate(parameters);
	}

	@Override
	public Map<String, Object> execute(ActionContext context) {
		return output(this.mutator.mutate(context, Node.class, null, NodeParameters.nodeName(context),
				(node) -> CordonNodeAction.schedulable(node, true)));
	}

	@Override
	public Map<String, Object> preview(ActionContext context) {
		return output(this.mutator.preview(context, Node.class, null, NodeParameters.nodeName(context),
				(node) -> CordonNodeAction.schedulable(node, true)));
	}

	private static Map<String, Object> output(MutationResult result) {
		Map<String, Object> output = result.toOutput();
		output.put("unschedulable", false);
		return output;
	}

}
