package ai.kubernaut.actions.workload;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.storage.StorageClass;

import ai.kubernaut.actions.ActionContext;
import ai.kubernaut.actions.ActionParameter;
import ai.kubernaut.actions.mutation.MutationResult;
import ai.kubernaut.actions.mutation.ObjectMutator;

/**
 * {@code expand_pvc}: raises the storage request of a PersistentVolumeClaim
 * ({@code PVC_NAME}, or the target when it is one) to {@code SIZE} or by
 * {@code EXPAND_FACTOR}. Never shrinks (the API refuses that, and data may be lost), and
 * refuses before writing when the claim's StorageClass does not
 * {@code allowVolumeExpansion}, since the API server would refuse the write anyway. Not
 * undoable on a real cluster: a volume cannot shrink, so the snapshot restore of an
 * expanded claim fails there, visibly.
 */
public final class ExpandPvcAction extends WorkloadAction {

	public static final String NAME = "expand_pvc";

	static final String PVC_NAME = "PVC_NAME";

	static final String SIZE = "SIZE";

	static final String EXPAND_FACTOR = "EXPAND_FACTOR";

	static final String DEFAULT_CLASS = "storageclass.kubernetes.io/is-default-class";

	public ExpandPvcAction(ObjectMutator mutator) {
		super(mutator);
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<ActionParameter> parameters() {
		return List.of(ActionParameter.required(Target.NAMESPACE, "Namespace of the claim"),
				ActionParameter.optional(PVC_NAME, "The claim; by default the target when it is one"),
				ActionParameter.optional(SIZE, "New size, e.g. 20Gi"),
				ActionParameter.optional(EXPAND_FACTOR, "Multiply the size, e.g. 1.5"));
	}

	@Override
	public List<String> validate(Map<String, Object> parameters) {
		List<String> problems = new ArrayList<>(Checks.problems(Checks.oneOf(parameters, SIZE, EXPAND_FACTOR),
				Checks.quantity(parameters, SIZE, "20Gi"), Checks.factor(parameters, EXPAND_FACTOR)));
		if (!Checks.present(parameters, SIZE) && !Checks.present(parameters, EXPAND_FACTOR)) {
			problems.add(NAME + " needs " + SIZE + " or " + EXPAND_FACTOR);
		}
		Object kind = parameters.get(Target.KIND);
		if (!Checks.present(parameters, PVC_NAME) && Checks.literal(kind)
				&& !"PersistentVolumeClaim".equalsIgnoreCase(kind.toString())) {
			problems.add(PVC_NAME + " is required when the target is not a PersistentVolumeClaim (the target is a "
					+ kind + ")");
		}
		return problems;
	}

	@Override
	Map<String, Object> act(ActionContext context, boolean dryRun) {
		List<String> problems = validate(context.parameters());
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(String.join("; ", problems));
		}
		String namespace = context.require(Target.NAMESPACE);
		String name = context.optional(PVC_NAME).orElseGet(() -> context.require(Target.NAME));
		PersistentVolumeClaim claim = this.mutator.client()
			.persistentVolumeClaims()
			.inNamespace(namespace)
			.withName(name)
			.get();
		if (claim == null) {
			throw new IllegalStateException("PersistentVolumeClaim " + namespace + "/" + name + " does not exist");
		}
		requireExpandable(claim);
		Map<String, Object> sizes = new LinkedHashMap<>();
		MutationResult result = write(context, dryRun, PersistentVolumeClaim.class, namespace, name, (pvc) -> {
			Map<String, Quantity> requests = (pvc.getSpec().getResources() != null)
					? pvc.getSpec().getResources().getRequests() : null;
			Quantity current = (requests != null) ? requests.get("storage") : null;
			if (current == null) {
				throw new IllegalStateException(
						"PersistentVolumeClaim " + namespace + "/" + name + " requests no storage to expand");
			}
			Quantity next = context.optional(SIZE)
				.map(Quantity::new)
				.orElseGet(() -> Quantities.multiplyMemory(current, new BigDecimal(context.require(EXPAND_FACTOR))));
			int order = Quantities.amount(next).compareTo(Quantities.amount(current));
			if (order < 0) {
				throw new IllegalArgumentException("PersistentVolumeClaim " + namespace + "/" + name + " requests "
						+ current + "; " + NAME + " never shrinks a claim, and " + next + " is smaller");
			}
			if (order > 0) {
				requests.put("storage", next);
			}
			sizes.put("previousSize", current.toString());
			sizes.put("size", (order > 0) ? next.toString() : current.toString());
			return pvc;
		});
		Map<String, Object> output = result.toOutput();
		output.putAll(sizes);
		return output;
	}

	private void requireExpandable(PersistentVolumeClaim claim) {
		String className = claim.getSpec().getStorageClassName();
		var classes = this.mutator.client().storage().v1().storageClasses();
		StorageClass storageClass = (className != null) ? classes.withName(className).get()
				: classes.list()
					.getItems()
					.stream()
					.filter((sc) -> sc.getMetadata().getAnnotations() != null
							&& "true".equals(sc.getMetadata().getAnnotations().get(DEFAULT_CLASS)))
					.findFirst()
					.orElse(null);
		String claimName = claim.getMetadata().getNamespace() + "/" + claim.getMetadata().getName();
		if (storageClass == null) {
			throw new IllegalStateException("PersistentVolumeClaim " + claimName + " has "
					+ ((className != null) ? "StorageClass " + className + ", which does not exist"
							: "no StorageClass and the cluster has no default one")
					+ "; cannot tell whether it may be expanded, so nothing was written");
		}
		if (!Boolean.TRUE.equals(storageClass.getAllowVolumeExpansion())) {
			throw new IllegalStateException("StorageClass " + storageClass.getMetadata().getName() + " of "
					+ "PersistentVolumeClaim " + claimName
					+ " does not allowVolumeExpansion, so the claim cannot be expanded; nothing was written");
		}
	}

}
