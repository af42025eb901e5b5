package ai.kubernaut.actions.workload;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

import ai.kubernaut.actions.ActionContext;
import ai.kubernaut.actions.ActionParameter;
import ai.kubernaut.actions.mutation.MutationResult;
import ai.kubernaut.actions.mutation.ObjectMutator;

/**
 * {@code scale_deployment} and {@code scale_statefulset}: set {@code spec.replicas} of
 * the target. {@code SCALE_REPLICAS} is absolute ({@code 3}) or relative ({@code +1},
 * {@code -1}); a relative change is turned into the absolute count in {@code prepare}, so
 * a re-driven attempt sets the same count instead of adding again. The result never goes
 * below 0, and an increase never above the engine's max-replicas limit.
 */
public final class ScaleAction extends WorkloadAction {

	public static final String REPLICAS = "SCALE_REPLICAS";

	private final String name;

	private final String kind;

	private final int maxReplicas;

	private ScaleAction(String name, String kind, ObjectMutator mutator, int maxReplicas) {
		super(mutator);
		this.name = name;
		this.kind = kind;
		this.maxReplicas = maxReplicas;
	}

	public static ScaleAction deployment(ObjectMutator mutator, int maxReplicas) {
		return new ScaleAction("scale_deployment", "Deployment", mutator, maxReplicas);
	}

	public static ScaleAction statefulSet(ObjectMutator mutator, int maxReplicas) {
		return new ScaleAction("scale_statefulset", "StatefulSet", mutator, maxReplicas);
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public List<ActionParameter> parameters() {
		return List.of(ActionParameter.required(Target.NAMESPACE, "Namespace of the " + this.kind),
				ActionParameter.required(Target.NAME, "Name of the " + this.kind),
				ActionParameter.optional(Target.KIND, this.kind + ", when given"),
				ActionParameter.required(REPLICAS, "Replica count (\"3\") or change (\"+1\", \"-1\"); at most "
						+ this.maxReplicas + " when growing"));
	}

	@Override
	public List<String> validate(Map<String, Object> parameters) {
		return Checks.problems(Target.checkKind(parameters.get(Target.KIND), this.name, Set.of(this.kind)),
				Checks.change(parameters, REPLICAS));
	}

	@Override
	public Map<String, Object> prepare(ActionContext context) {
		ReplicaChange change = ReplicaChange.parse(REPLICAS, context.require(REPLICAS));
		if (!change.relative()) {
			return context.parameters();
		}
		Target target = Target.of(context, this.name, this.kind);
		HasMetadata current = this.mutator.client()
			.resources(type())
			.inNamespace(target.namespace())
			.withName(target.name())
			.get();
		if (current == null) {
			throw new IllegalStateException(
					this.kind + " " + target.namespace() + "/" + target.name() + " does not exist");
		}
		Map<String, Object> prepared = new LinkedHashMap<>(context.parameters());
		prepared.put(REPLICAS, String.valueOf(change.applyTo(replicas(current))));
		return prepared;
	}

	@Override
	Map<String, Object> act(ActionContext context, boolean dryRun) {
		Target target = Target.of(context, this.name, this.kind);
		ReplicaChange change = ReplicaChange.parse(REPLICAS, context.require(REPLICAS));
		int[] counts = new int[3];
		MutationResult result = write(context, dryRun, type(), target.namespace(), target.name(), (workload) -> {
			counts[0] = replicas(workload);
			counts[1] = change.applyTo(counts[0]);
			counts[2] = ReplicaChange.bound(counts[0], counts[1], this.maxReplicas);
			setReplicas(workload, counts[2]);
			return workload;
		});
		Map<String, Object> output = result.toOutput();
		if (!result.alreadyApplied()) {
			output.put("previousReplicas", counts[0]);
			output.put("replicas", counts[2]);
			if (counts[1] != counts[2]) {
				output.put("requestedReplicas", counts[1]);
				output.put("maxReplicas", this.maxReplicas);
			}
		}
		return output;
	}

	@SuppressWarnings("unchecked")
	private <T extends HasMetadata> Class<T> type() {
		return (Class<T>) ("Deployment".equals(this.kind) ? Deployment.class : StatefulSet.class);
	}

	private static int replicas(HasMetadata workload) {
		Integer replicas = switch (workload) {
			case Deployment deployment -> deployment.getSpec().getReplicas();
			case StatefulSet statefulSet -> statefulSet.getSpec().getReplicas();
			default -> null;
		};
		// The API server defaults an absent count to 1.
		return Objects.requireNonNullElse(replicas, 1);
	}

	private static void setReplicas(HasMetadata workload, int replicas) {
		switch (workload) {
			case Deployment deployment -> deployment.getSpec().setReplicas(replicas);
			case StatefulSet statefulSet -> statefulSet.getSpec().setReplicas(replicas);
			default -> throw new IllegalArgumentException("Cannot scale a " + workload.getKind());
		}
	}

}
