package ai.kubernaut.actions.workload;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;

import ai.kubernaut.actions.ActionContext;
import ai.kubernaut.actions.ActionParameter;
import ai.kubernaut.actions.mutation.MutationResult;
import ai.kubernaut.actions.mutation.ObjectMutator;

/**
 * {@code update_hpa}: changes the replica bounds of a HorizontalPodAutoscaler
 * ({@code autoscaling/v2}): the one named by {@code HPA_NAME}, or the one whose
 * {@code scaleTargetRef} is the target. {@code MIN_REPLICAS} and {@code MAX_REPLICAS} are
 * absolute ({@code 10}) or relative ({@code +5}); relative values are fixed in
 * {@code prepare}. A raised maximum never exceeds the engine's max-replicas limit (unless
 * already above it), and the result must keep {@code 1 <= min <= max}.
 */
public final class UpdateHpaAction extends WorkloadAction {

	public static final String NAME = "update_hpa";

	static final String HPA_NAME = "HPA_NAME";

	static final String MIN_REPLICAS = "MIN_REPLICAS";

	static final String MAX_REPLICAS = "MAX_REPLICAS";

	private final int maxReplicas;

	public UpdateHpaAction(ObjectMutator mutator, int maxReplicas) {
		super(mutator);
		this.maxReplicas = maxReplicas;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<ActionParameter> parameters() {
		return List.of(ActionParameter.required(Target.NAMESPACE, "Namespace of the HPA and its target"),
				ActionParameter.required(Target.NAME, "Name of the workload the HPA scales"),
				ActionParameter.optional(Target.KIND, "Kind of the workload the HPA scales"),
				ActionParameter.optional(HPA_NAME, "The HPA; by default the one scaling the target"),
				ActionParameter.optional(MIN_REPLICAS, "New minReplicas (\"3\") or change (\"+1\")"),
				ActionParameter.optional(MAX_REPLICAS, "New maxReplicas (\"10\") or change (\"+5\")"));
	}

	@Override
	public List<String> validate(Map<String, Object> parameters) {
		List<String> problems = new java.util.ArrayList<>(
				Checks.problems(Checks.change(parameters, MIN_REPLICAS), Checks.change(parameters, MAX_REPLICAS)));
		if (!Checks.present(parameters, MIN_REPLICAS) && !Checks.present(parameters, MAX_REPLICAS)) {
			problems.add(NAME + " needs " + MIN_REPLICAS + " or " + MAX_REPLICAS);
		}
		return problems;
	}

	@Override
	public Map<String, Object> prepare(ActionContext context) {
		Map<String, Object> prepared = new LinkedHashMap<>(context.parameters());
		HorizontalPodAutoscaler hpa = null;
		for (String parameter : List.of(MIN_REPLICAS, MAX_REPLICAS)) {
			if (context.optional(parameter).isEmpty()) {
				continue;
			}
			ReplicaChange change = ReplicaChange.parse(parameter, context.require(parameter));
			if (change.relative()) {
				hpa = (hpa != null) ? hpa : find(context);
				int current = MIN_REPLICAS.equals(parameter) ? min(hpa) : hpa.getSpec().getMaxReplicas();
				prepared.put(parameter, String.valueOf(change.applyTo(current)));
				prepared.put(HPA_NAME, hpa.getMetadata().getName());
			}
		}
		return prepared;
	}

	@Override
	Map<String, Object> act(ActionContext context, boolean dryRun) {
		List<String> problems = validate(context.parameters());
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(String.join("; ", problems));
		}
		String namespace = context.require(Target.NAMESPACE);
		String name = find(context).getMetadata().getName();
		Map<String, Object> bounds = new LinkedHashMap<>();
		MutationResult result = write(context, dryRun, HorizontalPodAutoscaler.class, namespace, name, (hpa) -> {
			int min = min(hpa);
			int max = hpa.getSpec().getMaxReplicas();
			int newMin = context.optional(MIN_REPLICAS)
				.map((text) -> ReplicaChange.parse(MIN_REPLICAS, text).applyTo(min))
				.orElse(min);
			int newMax = context.optional(MAX_REPLICAS)
				.map((text) -> ReplicaChange.bound(max, ReplicaChange.parse(MAX_REPLICAS, text).applyTo(max),
						this.maxReplicas))
				.orElse(max);
			if (newMin < 1 || newMin > newMax) {
				throw new IllegalArgumentException(
						"HorizontalPodAutoscaler " + namespace + "/" + name + " would get minReplicas " + newMin
								+ " and maxReplicas " + newMax + "; it needs 1 <= minReplicas <= maxReplicas");
			}
			hpa.getSpec().setMinReplicas(newMin);
			hpa.getSpec().setMaxReplicas(newMax);
			bounds.put("minReplicas", min + " -> " + newMin);
			bounds.put("maxReplicas", max + " -> " + newMax);
			return hpa;
		});
		Map<String, Object> output = result.toOutput();
		output.put("hpa", name);
		output.putAll(bounds);
		return output;
	}

	private HorizontalPodAutoscaler find(ActionContext context) {
		String namespace = context.require(Target.NAMESPACE);
		var hpas = this.mutator.client().autoscaling().v2().horizontalPodAutoscalers().inNamespace(namespace);
		if (context.optional(HPA_NAME).isPresent()) {
			HorizontalPodAutoscaler hpa = hpas.withName(context.require(HPA_NAME)).get();
			if (hpa == null) {
				throw new IllegalStateException(
						"HorizontalPodAutoscaler " + namespace + "/" + context.require(HPA_NAME) + " does not exist");
			}
			return hpa;
		}
		String kind = context.optional(Target.KIND).orElse(null);
		String name = context.require(Target.NAME);
		List<HorizontalPodAutoscaler> scaling = hpas.list()
			.getItems()
			.stream()
			.filter((hpa) -> hpa.getSpec().getScaleTargetRef() != null
					&& name.equals(hpa.getSpec().getScaleTargetRef().getName())
					&& (kind == null || kind.equalsIgnoreCase(hpa.getSpec().getScaleTargetRef().getKind())))
			.toList();
		if (scaling.size() != 1) {
			throw new IllegalStateException(
					((scaling.isEmpty()) ? "No" : scaling.size() + "") + " HorizontalPodAutoscalers in " + namespace
							+ " scale " + ((kind != null) ? kind + "/" : "") + name
							+ ((scaling.isEmpty()) ? ""
									: ": " + scaling.stream().map((hpa) -> hpa.getMetadata().getName()).toList())
							+ "; name one with " + HPA_NAME);
		}
		return scaling.get(0);
	}

	private static int min(HorizontalPodAutoscaler hpa) {
		// The API server defaults an absent minReplicas to 1.
		return Objects.requireNonNullElse(hpa.getSpec().getMinReplicas(), 1);
	}

}
