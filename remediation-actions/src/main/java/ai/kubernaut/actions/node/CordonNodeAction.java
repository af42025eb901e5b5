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
 * Marks a node unschedulable ({@code spec.unschedulable: true}), as
 * {@code kubectl cordon} does: running pods stay, new ones go elsewhere. Through
 * {@link ObjectMutator}, so it is previewed with a dry run, stamped, and undone from its
 * snapshot.
 */
public class CordonNodeAction implements RemediationAction {

	public static final String NAME = "cordon_node";

	private final ObjectMutator mutator;

	public CordonNodeAction(ObjectMutator mutator) {
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
				(node) -> schedulable(node, false)));
	}

	@Override
	public Map<String, Object> preview(ActionContext context) {
		return output(this.mutator.preview(context, Node.class, null, NodeParameters.nodeName(context),
				(node) -> schedulable(node, false)));
	}

	static Node schedulable(Node node, boolean schedulable) {
		// Uncordoned is the field's absence, as kubectl leaves it.
		node.getSpec().setUnschedulable(schedulable ? null : Boolean.TRUE);
		return node;
	}

	private static Map<String, Object> output(MutationResult result) {
		Map<String, Object> output = result.toOutput();
		output.put("unschedulable", true);
		return output;
	}

}
