package ai.kubernaut.actions.storage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;

import ai.kubernaut.actions.ActionContext;
import ai.kubernaut.actions.ActionParameter;
import ai.kubernaut.actions.RemediationAction;
import ai.kubernaut.actions.mutation.Guardrails;
import ai.kubernaut.actions.observe.TargetRef;

/**
 * Deletes the PersistentVolumeClaims of a namespace that match {@code SELECTOR} and that
 * no pod uses: orphans left by finished batch runs, say. A claim is kept when a pod that
 * has not terminated mounts it, when it is already being deleted, or when it is annotated
 * {@value #KEEP_ANNOTATION}{@code =true}; the output lists every claim deleted and every
 * claim kept with the reason. Deleting a claim can delete its data (reclaim policy
 * {@code Delete}), so it cannot be undone: {@code irreversible: true},
 * {@code rollback: null}. Idempotent: claims already gone are simply not listed again.
 */
public class CleanupPvcAction implements RemediationAction {

	public static final String NAME = "cleanup_pvc";

	/** An escape hatch for operators: claims carrying it are never cleaned up. */
	public static final String KEEP_ANNOTATION = "kubernaut.ai/keep";

	private static final Pattern SELECTOR = Pattern
		.compile("\\s*!?[A-Za-z0-9./_-]+\\s*((==?|!=)\\s*[A-Za-z0-9._-]*|\\s+(in|notin)\\s*\\([^)]*\\))?\\s*");

	private final KubernetesClient client;

	private final Guardrails guardrails;

	public CleanupPvcAction(KubernetesClient client, Guardrails guardrails) {
		this.client = client;
		this.guardrails = guardrails;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<ActionParameter> parameters() {
		return List.of(ActionParameter.required(TargetRef.NAMESPACE, "Namespace of the claims"),
				ActionParameter.optional("SELECTOR",
						"Label selector of the claims to consider, e.g. batch-run=completed (required; "
								+ "LABEL_SELECTOR is accepted too)"));
	}

	@Override
	public boolean mutating() {
		return true;
	}

	@Override
	public List<String> validate(Map<String, Object> parameters) {
		Object selector = selector(parameters);
		if (selector == null || selector.toString().isBlank()) {
			return List.of("SELECTOR is required: a label selector naming the claims " + NAME
					+ " may delete, e.g. batch-run=completed");
		}
		String text = selector.toString();
		if (text.contains("${")) {
			return List.of();
		}
		for (String requirement : splitRequirements(text)) {
			if (!SELECTOR.matcher(requirement).matches()) {
				return List.of("SELECTOR must be a label selector such as app=batch,run!=live, got \"" + text + "\"");
			}
		}
		return List.of();
	}

	@Override
	public Map<String, Object> execute(ActionContext context) {
		return cleanup(context, false);
	}

	@Override
	public Map<String, Object> preview(ActionContext context) {
		return cleanup(context, true);
	}

	private Map<String, Object> cleanup(ActionContext context, boolean dryRun) {
		List<String> problems = validate(context.parameters());
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(String.join("; ", problems));
		}
		String namespace = context.require(TargetRef.NAMESPACE);
		String selector = selector(context.parameters()).toString().trim();
		this.guardrails.checkScope(namespace);
		Map<String, String> mountedBy = mountedBy(namespace);
		List<Map<String, Object>> deleted = new ArrayList<>();
		List<Map<String, Object>> kept = new ArrayList<>();
		List<PersistentVolumeClaim> claims = this.client.persistentVolumeClaims()
			.inNamespace(namespace)
			.withLabelSelector(selector)
			.list()
			.getItems();
		for (PersistentVolumeClaim claim : claims) {
			String name = claim.getMetadata().getName();
			String keepReason = keepReason(claim, mountedBy.get(name));
			if (keepReason != null) {
				kept.add(Map.of("name", name, "reason", keepReason));
				continue;
			}
			var resource = this.client.persistentVolumeClaims().inNamespace(namespace).withName(name);
			this.guardrails.write(
					(dryRun ? "dry-run delete" : "delete") + " PersistentVolumeClaim/" + namespace + "/" + name,
					() -> (dryRun ? resource.dryRun() : resource).delete());
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("name", name);
			entry.put("volume", claim.getSpec().getVolumeName());
			deleted.add(entry);
		}
		Map<String, Object> output = new LinkedHashMap<>();
		output.put("namespace", namespace);
		output.put("selector", selector);
		output.put(dryRun ? "wouldDelete" : "deleted", deleted);
		output.put("kept", kept);
		output.put("dryRun", dryRun);
		output.put("changes",
				deleted.stream()
					.map((entry) -> (dryRun ? "would delete" : "deleted") + " PersistentVolumeClaim/" + namespace + "/"
							+ entry.get("name"))
					.toList());
		output.put("irreversible", !deleted.isEmpty());
		output.put("rollback", null);
		return output;
	}

	/**
	 * Claim name → a pod that uses it. Terminated pods (Succeeded, Failed) no longer hold
	 * their volumes; any other pod, pending ones included, does.
	 */
	private Map<String, String> mountedBy(String namespace) {
		Map<String, String> mounted = new HashMap<>();
		for (Pod pod : this.client.pods().inNamespace(namespace).list().getItems()) {
			String phase = (pod.getStatus() != null) ? pod.getStatus().getPhase() : null;
			if ("Succeeded".equals(phase) || "Failed".equals(phase) || pod.getSpec() == null
					|| pod.getSpec().getVolumes() == null) {
				continue;
			}
			pod.getSpec()
				.getVolumes()
				.stream()
				.filter((volume) -> volume.getPersistentVolumeClaim() != null)
				.forEach((volume) -> mounted.putIfAbsent(volume.getPersistentVolumeClaim().getClaimName(),
						pod.getMetadata().getName()));
		}
		return mounted;
	}

	private static String keepReason(PersistentVolumeClaim claim, String pod) {
		if (pod != null) {
			return "mounted by pod " + pod;
		}
		if (claim.getMetadata().getDeletionTimestamp() != null) {
			return "already being deleted";
		}
		Map<String, String> annotations = claim.getMetadata().getAnnotations();
		if (annotations != null && "true".equals(annotations.get(KEEP_ANNOTATION))) {
			return "annotated " + KEEP_ANNOTATION + "=true";
		}
		return null;
	}

	private static Object selector(Map<String, Object> parameters) {
		Object selector = parameters.get("SELECTOR");
		return (selector != null && !selector.toString().isBlank()) ? selector : parameters.get("LABEL_SELECTOR");
	}

	/**
	 * Splits at the commas between requirements, not those inside {@code in (a, b)}.
	 */
	private static List<String> splitRequirements(String selector) {
		List<String> parts = new ArrayList<>();
		int depth = 0;
		int start = 0;
		for (int i = 0; i < selector.length(); i++) {
			char c = selector.charAt(i);
			if (c == '(') {
				depth++;
			}
			else if (c == ')') {
				depth--;
			}
			else if (c == ',' && depth == 0) {
				parts.add(selector.substring(start, i));
				start = i + 1;
			}
		}
		parts.add(selector.substring(start));
		return parts;
	}

}
