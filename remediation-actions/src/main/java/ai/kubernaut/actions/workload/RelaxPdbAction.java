package ai.kubernaut.actions.workload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import ai.kubernaut.actions.ActionContext;
import ai.kubernaut.actions.ActionParameter;
import ai.kubernaut.actions.mutation.MutationResult;
import ai.kubernaut.actions.mutation.ObjectMutator;
import ai.kubernaut.actions.mutation.RestoreSnapshotAction;

/**
 * {@code relax_pdb}: loosens the PodDisruptionBudget(s) that block a drain or a rollout:
 * the one named by {@code PDB_NAME}, or every PDB in the namespace selecting the target's
 * pods. Sets {@code MAX_UNAVAILABLE} or {@code MIN_AVAILABLE} (a count or a percentage);
 * by default {@code maxUnavailable: 1}. The two fields exclude each other, so setting one
 * removes the other; the snapshot restores both.
 */
public final class RelaxPdbAction extends WorkloadAction {

	public static final String NAME = "relax_pdb";

	static final String PDB_NAME = "PDB_NAME";

	static final String MAX_UNAVAILABLE = "MAX_UNAVAILABLE";

	static final String MIN_AVAILABLE = "MIN_AVAILABLE";

	public RelaxPdbAction(ObjectMutator mutator) {
		super(mutator);
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<ActionParameter> parameters() {
		return List.of(ActionParameter.required(Target.NAMESPACE, "Namespace of the PDB"),
				ActionParameter.required(Target.NAME, "The workload (or pod) whose PDBs to relax"),
				ActionParameter.optional(Target.KIND, "Deployment (default), StatefulSet, DaemonSet or Pod"),
				ActionParameter.optional(PDB_NAME, "The PDB; by default every PDB selecting the target's pods"),
				ActionParameter.optional(MAX_UNAVAILABLE, "New maxUnavailable, e.g. 1 or 25%; default 1"),
				ActionParameter.optional(MIN_AVAILABLE, "New minAvailable instead, e.g. 1 or 50%"));
	}

	@Override
	public List<String> validate(Map<String, Object> parameters) {
		return Checks.problems(Checks.oneOf(parameters, MAX_UNAVAILABLE, MIN_AVAILABLE),
				Checks.intOrPercent(parameters, MAX_UNAVAILABLE), Checks.intOrPercent(parameters, MIN_AVAILABLE));
	}

	@Override
	Map<String, Object> act(ActionContext context, boolean dryRun) {
		List<String> problems = validate(context.parameters());
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(String.join("; ", problems));
		}
		String namespace = context.require(Target.NAMESPACE);
		boolean min = context.optional(MIN_AVAILABLE).isPresent();
		IntOrString value = intOrString(context.optional(min ? MIN_AVAILABLE : MAX_UNAVAILABLE).orElse("1"));
		List<MutationResult> results = new ArrayList<>();
		for (String pdb : pdbs(context, namespace)) {
			results.add(write(context, dryRun, PodDisruptionBudget.class, namespace, pdb, (budget) -> {
				budget.getSpec().setMinAvailable(min ? value : null);
				budget.getSpec().setMaxUnavailable(min ? null : value);
				return budget;
			}));
		}
		Map<String, Object> output = new LinkedHashMap<>();
		output.put("objects", results.stream().map(MutationResult::object).toList());
		output.put("changes", results.stream().flatMap((result) -> result.changes().stream()).toList());
		output.put("diff",
				results.stream().map((result) -> Map.of("object", result.object(), "diff", result.diff())).toList());
		output.put("changed", results.stream().anyMatch(MutationResult::changed));
		output.put("alreadyApplied", results.stream().allMatch(MutationResult::alreadyApplied));
		output.put("dryRun", dryRun);
		output.put("rollback", RestoreSnapshotAction.combine(results));
		return output;
	}

	private List<String> pdbs(ActionContext context, String namespace) {
		if (context.optional(PDB_NAME).isPresent()) {
			return List.of(context.require(PDB_NAME));
		}
		Target target = Target.of(context, NAME, "Deployment", "StatefulSet", "DaemonSet", "Pod");
		Map<String, String> labels = podLabels(target);
		List<String> selecting = this.mutator.client()
			.policy()
			.v1()
			.podDisruptionBudget()
			.inNamespace(namespace)
			.list()
			.getItems()
			.stream()
			.filter((pdb) -> Selectors.matches(pdb.getSpec().getSelector(), labels))
			.map((pdb) -> pdb.getMetadata().getName())
			.toList();
		if (selecting.isEmpty()) {
			throw new IllegalStateException("No PodDisruptionBudget in " + namespace + " selects the pods of "
					+ target.kind() + "/" + target.name() + "; name one with " + PDB_NAME);
		}
		return selecting;
	}

	private Map<String, String> podLabels(Target target) {
		var client = this.mutator.client();
		if ("Pod".equals(target.kind())) {
			Pod pod = client.pods().inNamespace(target.namespace()).withName(target.name()).get();
			if (pod == null) {
				throw new IllegalStateException("Pod " + target.namespace() + "/" + target.name() + " does not exist");
			}
			return pod.getMetadata().getLabels();
		}
		HasMetadata workload = client.resources(PodTemplates.type(target.kind()))
			.inNamespace(target.namespace())
			.withName(target.name())
			.get();
		if (workload == null) {
			throw new IllegalStateException(
					target.kind() + " " + target.namespace() + "/" + target.name() + " does not exist");
		}
		return PodTemplates.of(workload).getMetadata().getLabels();
	}

	static IntOrString intOrString(String text) {
		String value = text.trim();
		return value.endsWith("%") ? new IntOrString(value) : new IntOrString(Integer.parseInt(value));
	}

}
