package ai.kubernaut.actions.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Taint;

import ai.kubernaut.actions.ActionContext;
import ai.kubernaut.actions.ActionParameter;
import ai.kubernaut.actions.RemediationAction;
import ai.kubernaut.actions.mutation.MutationResult;
import ai.kubernaut.actions.mutation.ObjectMutator;

/**
 * Removes the taints with key {@code TAINT_KEY} (only those with effect
 * {@code TAINT_EFFECT} when given) from a node, as {@code kubectl taint node n key-}
 * does. A node without such a taint is left alone and the output says so ({@code changed:
 * false}). Through {@link ObjectMutator}: previewed, stamped, undone from its snapshot.
 */
public class RemoveTaintAction implements RemediationAction {

	public static final String NAME = "remove_taint";

	private static final Set<String> EFFECTS = Set.of("NoSchedule", "PreferNoSchedule", "NoExecute");

	private final ObjectMutator mutator;

	public RemoveTaintAction(ObjectMutator mutator) {
		this.mutator = mutator;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<ActionParameter> parameters() {
		return List.of(NodeParameters.PARAMETER, ActionParameter.required("TAINT_KEY", "Key of the taint to remove"),
				ActionParameter.optional("TAINT_EFFECT",
						"NoSchedule, PreferNoSchedule or NoExecute; every effect when absent"));
	}

	@Override
	public boolean mutating() {
		return true;
	}

	@Override
	public List<String> validate(Map<String, Object> parameters) {
		List<String> problems = new ArrayList<>(NodeParameters.validate(parameters));
		Object effect = parameters.get("TAINT_EFFECT");
		if (effect != null && !effect.toString().isBlank() && !effect.toString().contains("${")
				&& !EFFECTS.contains(effect.toString().trim())) {
			problems.add("TAINT_EFFECT must be NoSchedule, PreferNoSchedule or NoExecute, got \"" + effect + "\"");
		}
		return problems;
	}

	@Override
	public Map<String, Object> execute(ActionContext context) {
		return output(context, this.mutator.mutate(context, Node.class, null, NodeParameters.nodeName(context),
				(node) -> untaint(node, context)));
	}

	@Override
	public Map<String, Object> preview(ActionContext context) {
		return output(context, this.mutator.preview(context, Node.class, null, NodeParameters.nodeName(context),
				(node) -> untaint(node, context)));
	}

	private static Node untaint(Node node, ActionContext context) {
		String key = context.require("TAINT_KEY");
		String effect = context.optional("TAINT_EFFECT").orElse(null);
		List<Taint> taints = node.getSpec().getTaints();
		if (taints == null) {
			return node;
		}
		List<Taint> kept = taints.stream()
			.filter((taint) -> !key.equals(taint.getKey()) || (effect != null && !effect.equals(taint.getEffect())))
			.toList();
		if (kept.size() != taints.size()) {
			node.getSpec().setTaints(kept.isEmpty() ? null : new ArrayList<>(kept));
		}
		return node;
	}

	private static Map<String, Object> output(ActionContext context, MutationResult result) {
		Map<String, Object> output = result.toOutput();
		output.put("taintKey", context.require("TAINT_KEY"));
		if (!result.changed() && !result.alreadyApplied()) {
			output.put("note", "the node has no taint with key " + context.require("TAINT_KEY")
					+ context.optional("TAINT_EFFECT").map((effect) -> " and effect " + effect).orElse(""));
		}
		return output;
	}

}
