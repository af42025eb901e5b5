package ai.kubernaut.actions.mutation;

import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import ai.kubernaut.actions.ActionContext;

/**
 * Changes one Kubernetes object on behalf of a workflow step, safely:
 * <ul>
 * <li>the guard rails are checked before anything is read for writing;</li>
 * <li>the change is computed on a copy of the object as read, and sent as a JSON Patch of
 * exactly the fields that differ, conditional on the resourceVersion read (a concurrent
 * writer makes it fail with 409; the object is then read again and the change decided
 * again, at most {@value #MAX_ATTEMPTS} times; never overwritten blindly);</li>
 * <li>the same write stamps the object with {@link #STEP_ANNOTATION} (which execution and
 * step changed it) and {@link #UNDO_ANNOTATION} (the JSON Patch that restores the touched
 * fields), so the snapshot can never be lost between the write and its record;</li>
 * <li>an object already stamped by this execution and step is a replay after a crash:
 * nothing is written, and the stored undo is returned again.</li>
 * </ul>
 * The step's output carries the undo patch itself (in {@code rollback}), so a later step
 * that writes the same object cannot take the earlier step's snapshot away.
 */
public final class ObjectMutator {

	public static final String FIELD_MANAGER = "kubernaut-workflow-engine";

	/**
	 * {@code <executionId>/<stepId>} of the step that last changed the object.
	 */
	public static final String STEP_ANNOTATION = "kubernaut.ai/remediation-step";

	/**
	 * The JSON Patch that restores the fields the last change touched, each operation
	 * with the value that change wrote as {@code fromValue}.
	 */
	public static final String UNDO_ANNOTATION = "kubernaut.ai/remediation-undo";

	static final int MAX_ATTEMPTS = 5;

	private final KubernetesClient client;

	private final Guardrails guardrails;

	private final KubernetesSerialization serialization;

	public ObjectMutator(KubernetesClient client, Guardrails guardrails) {
		this.client = client;
		this.guardrails = guardrails;
		this.serialization = client.getKubernetesSerialization();
	}

	public KubernetesClient client() {
		return this.client;
	}

	public Guardrails guardrails() {
		return this.guardrails;
	}

	/**
	 * Reads the object, checks scope, applies {@code change} to a deep copy and writes
	 * the difference with the step's stamp and undo patch in the same write.
	 * @param namespace the object's namespace, or {@code null} for a cluster-scoped kind
	 * @param change returns the desired object; may throw
	 * {@link ai.kubernaut.actions.ActionSkippedException} or
	 * {@link IllegalArgumentException} to refuse
	 * @throws IllegalStateException if the object does not exist ("Deployment demo/x does
	 * not exist") or keeps changing under the engine
	 * @throws ai.kubernaut.actions.ActionSkippedException if the guard rails refuse
	 */
	public <T extends HasMetadata> MutationResult mutate(ActionContext context, Class<T> type, String namespace,
			String name, UnaryOperator<T> change) {
		return run(stamp(context), HasMetadata.getKind(type), namespace, name, resource(type, namespace, name), change,
				false);
	}

	/**
	 * The same decision as {@link #mutate}, sent with {@code dryRun=All} so the API
	 * server validates it (admission, RBAC, schema) without storing it; nothing is
	 * stored.
	 */
	public <T extends HasMetadata> MutationResult preview(ActionContext context, Class<T> type, String namespace,
			String name, UnaryOperator<T> change) {
		return run(stamp(context), HasMetadata.getKind(type), namespace, name, resource(type, namespace, name), change,
				true);
	}

	/**
	 * {@link #mutate} for a kind known only by its apiVersion and kind, as a restore
	 * finds it, with an explicit stamp.
	 */
	MutationResult mutateGeneric(String stamp, String apiVersion, String kind, String namespace, String name,
			UnaryOperator<GenericKubernetesResource> change, boolean dryRun) {
		var operation = this.client.genericKubernetesResources(apiVersion, kind);
		Resource<GenericKubernetesResource> resource = (namespace != null)
				? operation.inNamespace(namespace).withName(name) : operation.withName(name);
		return run(stamp, kind, namespace, name, resource, change, dryRun);
	}

	static String stamp(ActionContext context) {
		return context.remediationId() + "/" + context.stepId();
	}

	private <T extends HasMetadata> Resource<T> resource(Class<T> type, String namespace, String name) {
		return (namespace != null) ? this.client.resources(type).inNamespace(namespace).withName(name)
				: this.client.resources(type).withName(name);
	}

	private <T extends HasMetadata> MutationResult run(String stamp, String kind, String namespace, String name,
			Resource<T> resource, UnaryOperator<T> change, boolean dryRun) {
		if (namespace != null) {
			this.guardrails.checkScope(namespace);
		}
		String object = (namespace != null) ? kind + "/" + namespace + "/" + name : kind + "/" + name;
		for (int attempt = 1;; attempt++) {
			T current = read(resource, kind, namespace, name);
			if (namespace == null) {
				this.guardrails.checkClusterScoped(current);
			}
			Map<String, String> annotations = current.getMetadata().getAnnotations();
			if (annotations != null && stamp.equals(annotations.get(STEP_ANNOTATION))) {
				return replayed(object, current.getApiVersion(), kind, namespace, name, stamp,
						annotations.get(UNDO_ANNOTATION), dryRun);
			}
			T desired = change.apply(this.serialization.clone(current));
			JsonNode after = tree(desired);
			List<JsonDiff.Op> diff = JsonDiff.diff(withoutStamp(tree(current)), withoutStamp(after));
			if (diff.isEmpty()) {
				return new MutationResult(object, List.of(), List.of(), false, false, dryRun, null);
			}
			List<JsonDiff.Op> undo = JsonDiff.invert(diff);
			boolean annotated = after.path("metadata").has("annotations");
			String patch = patch(current, annotated, diff, stamp, JsonDiff.toJson(undo, true));
			PatchContext context = new PatchContext.Builder().withPatchType(PatchType.JSON)
				.withFieldManager(FIELD_MANAGER)
				.withDryRun(dryRun ? List.of("All") : null)
				.build();
			try {
				this.guardrails.write((dryRun ? "preview a patch of " : "patch ") + object,
						() -> resource.patch(context, patch));
			}
			catch (KubernetesClientException ex) {
				if (Guardrails.isConflict(ex) && attempt < MAX_ATTEMPTS) {
					continue;
				}
				throw failure(object, kind, namespace, name, ex, attempt);
			}
			return new MutationResult(object, diff.stream().map(JsonDiff.Op::toMap).toList(),
					diff.stream().map(JsonDiff.Op::line).toList(), true, false, dryRun,
					dryRun ? null : rollback(current.getApiVersion(), kind, namespace, name, stamp, undo));
		}
	}

	private <T extends HasMetadata> T read(Resource<T> resource, String kind, String namespace, String name) {
		T current;
		try {
			current = resource.get();
		}
		catch (KubernetesClientException ex) {
			throw failure(kind + "/" + name, kind, namespace, name, ex, 1);
		}
		if (current == null) {
			throw notFound(kind, namespace, name);
		}
		return current;
	}

	private MutationResult replayed(String object, String apiVersion, String kind, String namespace, String name,
			String stamp, String undoJson, boolean dryRun) {
		if (undoJson == null) {
			return new MutationResult(object, List.of(), List.of(), false, true, dryRun, null);
		}
		List<JsonDiff.Op> undo = JsonDiff.fromJson(undoJson);
		List<JsonDiff.Op> diff = JsonDiff.invert(undo);
		return new MutationResult(object, diff.stream().map(JsonDiff.Op::toMap).toList(),
				diff.stream().map(JsonDiff.Op::line).toList(), false, true, dryRun,
				dryRun ? null : rollback(apiVersion, kind, namespace, name, stamp, undo));
	}

	/**
	 * The diff, then the precondition on the resourceVersion read, then the stamp. A
	 * resourceVersion set by a patch makes the API server refuse it with 409 when the
	 * object changed since it was read.
	 */
	private String patch(HasMetadata current, boolean annotated, List<JsonDiff.Op> diff, String stamp, String undo) {
		ArrayNode ops = JsonDiff.MAPPER.createArrayNode();
		diff.forEach((op) -> ops.add(op.toNode(false)));
		ops.addObject()
			.put("op", "replace")
			.put("path", "/metadata/resourceVersion")
			.put("value", current.getMetadata().getResourceVersion());
		// Judged on the JSON: an empty annotation map is not written, so it is not there.
		if (!annotated) {
			ObjectNode annotations = JsonDiff.MAPPER.createObjectNode();
			annotations.put(STEP_ANNOTATION, stamp);
			annotations.put(UNDO_ANNOTATION, undo);
			ops.addObject().put("op", "add").put("path", "/metadata/annotations").set("value", annotations);
		}
		else {
			ops.addObject()
				.put("op", "add")
				.put("path", "/metadata/annotations/" + JsonDiff.escape(STEP_ANNOTATION))
				.put("value", stamp);
			ops.addObject()
				.put("op", "add")
				.put("path", "/metadata/annotations/" + JsonDiff.escape(UNDO_ANNOTATION))
				.put("value", undo);
		}
		return ops.toString();
	}

	private static Map<String, Object> rollback(String apiVersion, String kind, String namespace, String name,
			String stamp, List<JsonDiff.Op> undo) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put(RestoreSnapshotAction.API_VERSION, apiVersion);
		parameters.put(RestoreSnapshotAction.KIND, kind);
		if (namespace != null) {
			parameters.put(RestoreSnapshotAction.NAMESPACE, namespace);
		}
		parameters.put(RestoreSnapshotAction.NAME, name);
		parameters.put(RestoreSnapshotAction.STAMP, stamp);
		parameters.put(RestoreSnapshotAction.UNDO_PATCH, encode(JsonDiff.toJson(undo, true)));
		Map<String, Object> rollback = new LinkedHashMap<>();
		rollback.put("action", RestoreSnapshotAction.NAME_OF_ACTION);
		rollback.put("parameters", parameters);
		return rollback;
	}

	/**
	 * Base64, because step parameters are searched for {@code ${...}} references, and the
	 * values of a snapshot (a ConfigMap's, say) may contain such text.
	 */
	static String encode(String undo) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(undo.getBytes(StandardCharsets.UTF_8));
	}

	static String decode(String encoded) {
		return new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
	}

	/**
	 * The object without this class's own annotations, which every write sets anew: a
	 * snapshot must not carry the previous snapshot. An annotation map left empty stays,
	 * so the diff of the other annotations is made key by key.
	 */
	private static JsonNode withoutStamp(JsonNode object) {
		if (object.path("metadata").path("annotations") instanceof ObjectNode annotations) {
			annotations.remove(STEP_ANNOTATION);
			annotations.remove(UNDO_ANNOTATION);
		}
		return object;
	}

	private JsonNode tree(HasMetadata object) {
		try {
			return JsonDiff.MAPPER.readTree(this.serialization.asJson(object));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Could not read " + object.getKind() + " as JSON", ex);
		}
	}

	private static IllegalStateException notFound(String kind, String namespace, String name) {
		return new IllegalStateException(
				kind + " " + ((namespace != null) ? namespace + "/" : "") + name + " does not exist");
	}

	private static RuntimeException failure(String object, String kind, String namespace, String name,
			KubernetesClientException ex, int attempts) {
		if (ex.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
			return notFound(kind, namespace, name);
		}
		if (Guardrails.isConflict(ex)) {
			return new IllegalStateException(object + " kept changing while the engine wrote it: " + attempts
					+ " conflicting writes in a row; nothing was overwritten", ex);
		}
		String reason = (ex.getStatus() != null && ex.getStatus().getMessage() != null) ? ex.getStatus().getMessage()
				: ex.getMessage();
		return new IllegalStateException("Could not write " + object + ": the Kubernetes API answered "
				+ ((ex.getCode() > 0) ? ex.getCode() + " " : "") + reason, ex);
	}

	static List<JsonDiff.Op> undoOf(String encoded) {
		return new ArrayList<>(JsonDiff.fromJson(decode(encoded)));
	}

}
