package ai.kubernaut.actions.pod;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.PodResource;

import ai.kubernaut.actions.ActionContext;
import ai.kubernaut.actions.ActionParameter;
import ai.kubernaut.actions.RemediationAction;
import ai.kubernaut.actions.mutation.Guardrails;
import ai.kubernaut.actions.observe.TargetRef;

/**
 * Deletes one pod so its controller replaces it: the classic "restart the pod".
 * {@code POD_NAME} names it, or the target when it is a Pod. A pod that no controller
 * owns would not come back, so it is refused unless {@code ALLOW_UNOWNED} is
 * {@code true}. Idempotent: a pod already gone is reported, not an error. Cannot be
 * undone: the output says {@code irreversible: true} and {@code rollback: null}.
 */
public class DeletePodAction implements RemediationAction {

	public static final String NAME = "delete_pod";

	static final int MAX_GRACE_PERIOD_SECONDS = 3600;

	private final KubernetesClient client;

	private final Guardrails guardrails;

	public DeletePodAction(KubernetesClient client, Guardrails guardrails) {
		this.client = client;
		this.guardrails = guardrails;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<ActionParameter> parameters() {
		return List.of(ActionParameter.required(TargetRef.NAMESPACE, "Namespace of the pod"),
				ActionParameter.optional("POD_NAME", "The pod; the target when it is a Pod"),
				ActionParameter.optional("GRACE_PERIOD_SECONDS", "0 to 3600; the pod's own when absent"),
				ActionParameter.optional("ALLOW_UNOWNED", "true to delete a pod no controller will recreate"));
	}

	@Override
	public boolean mutating() {
		return true;
	}

	@Override
	public List<String> validate(Map<String, Object> parameters) {
		List<String> problems = new ArrayList<>();
		Object podName = parameters.get("POD_NAME");
		if ((podName == null || podName.toString().isBlank()) && !"pod".equalsIgnoreCase(TargetRef.kindOf(parameters))
				&& !TargetRef.kindOf(parameters).contains("${")) {
			problems.add("POD_NAME is required when the target is not a Pod (target kind: \""
					+ TargetRef.kindOf(parameters) + "\")");
		}
		Object grace = parameters.get("GRACE_PERIOD_SECONDS");
		if (grace != null && !grace.toString().isBlank() && !grace.toString().contains("${")) {
			try {
				long seconds = Long.parseLong(grace.toString().trim());
				if (seconds < 0 || seconds > MAX_GRACE_PERIOD_SECONDS) {
					problems.add("GRACE_PERIOD_SECONDS must be between 0 and " + MAX_GRACE_PERIOD_SECONDS + ", got \""
							+ grace + "\"");
				}
			}
			catch (NumberFormatException ex) {
				problems.add("GRACE_PERIOD_SECONDS must be a whole number of seconds, got \"" + grace + "\"");
			}
		}
		Object unowned = parameters.get("ALLOW_UNOWNED");
		if (unowned != null && !unowned.toString().contains("${")
				&& !List.of("true", "false").contains(unowned.toString().trim().toLowerCase(Locale.ROOT))) {
			problems.add("ALLOW_UNOWNED must be true or false, got \"" + unowned + "\"");
		}
		return problems;
	}

	@Override
	public Map<String, Object> execute(ActionContext context) {
		return delete(context, false);
	}

	/**
	 * Asks the API server to delete with {@code dryRun=All}: admission and RBAC are
	 * checked, nothing is removed.
	 */
	@Override
	public Map<String, Object> preview(ActionContext context) {
		return delete(context, true);
	}

	private Map<String, Object> delete(ActionContext context, boolean dryRun) {
		List<String> problems = validate(context.parameters());
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(String.join("; ", problems));
		}
		String namespace = context.require(TargetRef.NAMESPACE);
		String name = context.optional("POD_NAME").orElseGet(() -> context.require(TargetRef.NAME));
		this.guardrails.checkScope(namespace);
		String object = "Pod/" + namespace + "/" + name;
		PodResource resource = this.client.pods().inNamespace(namespace).withName(name);
		Pod pod = resource.get();
		Map<String, Object> output = new LinkedHashMap<>();
		output.put("object", object);
		if (pod == null) {
			output.put("deleted", false);
			output.put("alreadyGone", true);
			output.put("dryRun", dryRun);
			output.put("irreversible", false);
			output.put("rollback", null);
			return output;
		}
		OwnerReference controller = controller(pod);
		if (controller == null && !context.optional("ALLOW_UNOWNED").map(Boolean::parseBoolean).orElse(false)) {
			throw new IllegalStateException(object + " has no controller, so deleting it would not restart it but "
					+ "remove it for good; set ALLOW_UNOWNED=true to delete it anyway");
		}
		Long grace = context.optional("GRACE_PERIOD_SECONDS").map(Long::parseLong).orElse(null);
		this.guardrails.write(((dryRun) ? "dry-run delete " : "delete ") + object, () -> {
			var deletable = dryRun ? resource.dryRun() : resource;
			return (grace != null) ? deletable.withGracePeriod(grace).delete() : deletable.delete();
		});
		output.put("deleted", !dryRun);
		output.put("dryRun", dryRun);
		output.put("controller", (controller != null) ? controller.getKind() + "/" + controller.getName() : null);
		if (grace != null) {
			output.put("gracePeriodSeconds", grace);
		}
		output.put("changes",
				List.of((dryRun ? "would delete " : "deleted ") + object
						+ ((controller != null)
								? " (recreated by " + controller.getKind() + " " + controller.getName() + ")"
								: " (no controller recreates it)")));
		output.put("irreversible", true);
		output.put("rollback", null);
		return output;
	}

	private static OwnerReference controller(Pod pod) {
		if (pod.getMetadata().getOwnerReferences() == null) {
			return null;
		}
		return pod.getMetadata()
			.getOwnerReferences()
			.stream()
			.filter((owner) -> Boolean.TRUE.equals(owner.getController()))
			.findFirst()
			.orElse(null);
	}

}
