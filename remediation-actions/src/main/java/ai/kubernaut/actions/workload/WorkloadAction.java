package ai.kubernaut.actions.workload;

import java.util.Map;
import java.util.function.UnaryOperator;

import io.fabric8.kubernetes.api.model.HasMetadata;

import ai.kubernaut.actions.ActionContext;
import ai.kubernaut.actions.RemediationAction;
import ai.kubernaut.actions.mutation.MutationResult;
import ai.kubernaut.actions.mutation.ObjectMutator;

/**
 * A mutating action whose run and dry run are the same decision: {@link #act} computes
 * the change once, and writes it for real or as a server-side dry run.
 */
abstract class WorkloadAction implements RemediationAction {

	protected final ObjectMutator mutator;

	WorkloadAction(ObjectMutator mutator) {
		this.mutator = mutator;
	}

	@Override
	public boolean mutating() {
		return true;
	}

	@Override
	public Map<String, Object> execute(ActionContext context) {
		return act(context, false);
	}

	@Override
	public Map<String, Object> preview(ActionContext context) {
		return act(context, true);
	}

	abstract Map<String, Object> act(ActionContext context, boolean dryRun);

	<T extends HasMetadata> MutationResult write(ActionContext context, boolean dryRun, Class<T> type, String namespace,
			String name, UnaryOperator<T> change) {
		return dryRun ? this.mutator.preview(context, type, namespace, name, change)
				: this.mutator.mutate(context, type, namespace, name, change);
	}

	@SuppressWarnings("unchecked")
	<T extends HasMetadata> MutationResult writeWorkload(ActionContext context, boolean dryRun, Target target,
			UnaryOperator<HasMetadata> change) {
		Class<T> type = (Class<T>) PodTemplates.type(target.kind());
		return write(context, dryRun, type, target.namespace(), target.name(),
				(workload) -> (T) change.apply(workload));
	}

}
