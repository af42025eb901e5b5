package ai.kubernaut.actions.workload;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;

import ai.kubernaut.actions.ActionContext;
import ai.kubernaut.actions.ActionParameter;
import ai.kubernaut.actions.mutation.MutationResult;
import ai.kubernaut.actions.mutation.ObjectMutator;

/**
 * {@code rollback_deployment}: puts back the pod template of an earlier revision, as
 * {@code kubectl rollout undo} does: the revision is read from the
 * {@value #REVISION_ANNOTATION} annotation of the Deployment's ReplicaSets, the template
 * is copied without the controller's {@code pod-template-hash} label, and the Deployment
 * controller then rolls out to it. {@code REVISION} picks one; by default the one before
 * the current. The revision is fixed in {@code prepare}, so a re-driven attempt does not
 * roll back one revision further.
 */
public final class RollbackDeploymentAction extends WorkloadAction {

	public static final String NAME = "rollback_deployment";

	static final String REVISION = "REVISION";

	static final String REVISION_ANNOTATION = "deployment.kubernetes.io/revision";

	public RollbackDeploymentAction(ObjectMutator mutator) {
		super(mutator);
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<ActionParameter> parameters() {
		return List.of(ActionParameter.required(Target.NAMESPACE, "Namespace of the Deployment"),
				ActionParameter.required(Target.NAME, "Name of the Deployment"),
				ActionParameter.optional(Target.KIND, "Deployment, when given"),
				ActionParameter.optional(REVISION, "Revision to roll back to; the previous one when absent"));
	}

	@Override
	public List<String> validate(Map<String, Object> parameters) {
		return Checks.problems(Target.checkKind(parameters.get(Target.KIND), NAME, Set.of("Deployment")),
				Checks.integer(parameters, REVISION));
	}

	@Override
	public Map<String, Object> prepare(ActionContext context) {
		if (context.optional(REVISION).isPresent()) {
			return context.parameters();
		}
		Target target = Target.of(context, NAME, "Deployment");
		Deployment deployment = read(target);
		Map<String, Object> prepared = new LinkedHashMap<>(context.parameters());
		prepared.put(REVISION, String.valueOf(revision(chosen(target, deployment, null))));
		return prepared;
	}

	@Override
	Map<String, Object> act(ActionContext context, boolean dryRun) {
		Target target = Target.of(context, NAME, "Deployment");
		Long wanted = context.optional(REVISION).map(Long::valueOf).orElse(null);
		long[] revisions = new long[2];
		MutationResult result = write(context, dryRun, Deployment.class, target.namespace(), target.name(),
				(deployment) -> {
					ReplicaSet source = chosen(target, deployment, wanted);
					revisions[0] = current(target, deployment);
					revisions[1] = revision(source);
					PodTemplateSpec template = this.mutator.client()
						.getKubernetesSerialization()
						.clone(source.getSpec().getTemplate());
					if (template.getMetadata() != null && template.getMetadata().getLabels() != null) {
						template.getMetadata().getLabels().remove("pod-template-hash");
					}
					deployment.getSpec().setTemplate(template);
					return deployment;
				});
		Map<String, Object> output = result.toOutput();
		if (!result.alreadyApplied()) {
			output.put("fromRevision", revisions[0]);
			output.put("toRevision", revisions[1]);
		}
		return output;
	}

	private Deployment read(Target target) {
		Deployment deployment = this.mutator.client()
			.apps()
			.deployments()
			.inNamespace(target.namespace())
			.withName(target.name())
			.get();
		if (deployment == null) {
			throw new IllegalStateException(
					"Deployment " + target.namespace() + "/" + target.name() + " does not exist");
		}
		return deployment;
	}

	/**
	 * The ReplicaSet of {@code wanted}, or of the highest revision below the current.
	 */
	private ReplicaSet chosen(Target target, Deployment deployment, Long wanted) {
		List<ReplicaSet> owned = owned(target, deployment);
		long current = current(target, deployment);
		Optional<ReplicaSet> source = (wanted != null)
				? owned.stream().filter((rs) -> revision(rs) == wanted).findFirst()
				: owned.stream()
					.filter((rs) -> revision(rs) < current)
					.max(Comparator.comparingLong(RollbackDeploymentAction::revision));
		return source
			.orElseThrow(() -> new IllegalStateException("Deployment " + target.namespace() + "/" + target.name()
					+ ((wanted != null) ? " has no revision " + wanted
							: " has no revision before " + current + " to roll back to")
					+ "; revisions kept: " + owned.stream().map(RollbackDeploymentAction::revision).sorted().toList()));
	}

	private long current(Target target, Deployment deployment) {
		Map<String, String> annotations = deployment.getMetadata().getAnnotations();
		if (annotations != null && annotations.get(REVISION_ANNOTATION) != null) {
			return Long.parseLong(annotations.get(REVISION_ANNOTATION));
		}
		return owned(target, deployment).stream().mapToLong(RollbackDeploymentAction::revision).max().orElse(0);
	}

	private List<ReplicaSet> owned(Target target, Deployment deployment) {
		return this.mutator.client()
			.apps()
			.replicaSets()
			.inNamespace(target.namespace())
			.list()
			.getItems()
			.stream()
			.filter((rs) -> rs.getMetadata()
				.getOwnerReferences()
				.stream()
				.anyMatch((owner) -> "Deployment".equals(owner.getKind()) && (deployment.getMetadata().getUid() != null
						? deployment.getMetadata().getUid().equals(owner.getUid())
						: deployment.getMetadata().getName().equals(owner.getName()))))
			.filter((rs) -> revision(rs) > 0)
			.toList();
	}

	private static long revision(ReplicaSet replicaSet) {
		Map<String, String> annotations = replicaSet.getMetadata().getAnnotations();
		try {
			return (annotations != null && annotations.get(REVISION_ANNOTATION) != null)
					? Long.parseLong(annotations.get(REVISION_ANNOTATION)) : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
