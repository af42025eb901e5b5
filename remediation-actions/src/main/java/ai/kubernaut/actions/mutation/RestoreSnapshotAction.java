package ai.kubernaut.actions.mutation;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.zjsonpatch.JsonPatch;
import io.fabric8.zjsonpatch.JsonPatchException;

import ai.kubernaut.actions.ActionContext;
import ai.kubernaut.actions.ActionParameter;
import ai.kubernaut.actions.ActionSkippedException;
import ai.kubernaut.actions.RemediationAction;

/**
 * Puts back the fields a mutating step changed, from the snapshot the step recorded: the
 * compensation the engine runs under {@code rollback: automatic}. It writes through the
 * same {@link ObjectMutator}, so it has the same guarantees: guard rails, optimistic
 * concurrency, and a stamp ({@code <execution>/<step>/rollback}) that makes a replay
 * write nothing.
 * <p>
 * It refuses (skipped, {@code ChangedByAnotherRemediation}) when another execution has
 * changed the object since: restoring then would silently undo that remediation. Changes
 * by later steps of the same execution are expected, since they are compensated first.
 */
public class RestoreSnapshotAction implements RemediationAction {

	public static final String NAME_OF_ACTION = "restore_snapshot";

	public static final String API_VERSION = "OBJECT_API_VERSION";

	public static final String KIND = "OBJECT_KIND";

	public static final String NAMESPACE = "OBJECT_NAMESPACE";

	public static final String NAME = "OBJECT_NAME";

	public static final String STAMP = "MUTATION_STAMP";

	public static final String UNDO_PATCH = "UNDO_PATCH";

	/**
	 * A list of snapshots (maps of the parameters above), restored last first: the
	 * rollback of a step that changed several objects.
	 */
	public static final String SNAPSHOTS = "SNAPSHOTS";

	private final ObjectMutator mutator;

	public RestoreSnapshotAction(ObjectMutator mutator) {
		this.mutator = mutator;
	}

	@Override
	public String name() {
		return NAME_OF_ACTION;
	}

	@Override
	public List<ActionParameter> parameters() {
		// Optional each, because SNAPSHOTS replaces them all; checked when it runs.
		return List.of(ActionParameter.optional(API_VERSION, "apiVersion of the object, e.g. apps/v1"),
				ActionParameter.optional(KIND, "Kind of the object, e.g. Deployment"),
				ActionParameter.optional(NAMESPACE, "Namespace of the object; absent when cluster-scoped"),
				ActionParameter.optional(NAME, "Name of the object"),
				ActionParameter.optional(STAMP, "<executionId>/<stepId> of the mutation to undo"),
				ActionParameter.optional(UNDO_PATCH, "The undo JSON Patch the mutation recorded, base64url"),
				ActionParameter.optional(SNAPSHOTS, "Several snapshots of the parameters above, restored last first"));
	}

	@Override
	public List<String> validate(Map<String, Object> parameters) {
		Object patch = parameters.get(UNDO_PATCH);
		if (patch == null || patch.toString().isBlank() || patch.toString().contains("${")) {
			return List.of();
		}
		try {
			ObjectMutator.undoOf(patch.toString());
			return List.of();
		}
		catch (IllegalArgumentException ex) {
			return List.of(UNDO_PATCH + " must be the base64url JSON Patch a mutation recorded: " + ex.getMessage());
		}
	}

	@Override
	public boolean mutating() {
		return true;
	}

	@Override
	public Map<String, Object> execute(ActionContext context) {
		return restore(context, false);
	}

	@Override
	public Map<String, Object> preview(ActionContext context) {
		return restore(context, true);
	}

	/**
	 * The rollback of a step that changed several objects: one {@code restore_snapshot}
	 * of all their snapshots, or {@code null} when none changed.
	 */
	public static Map<String, Object> combine(List<MutationResult> results) {
		List<Object> snapshots = results.stream()
			.map(MutationResult::rollback)
			.filter(java.util.Objects::nonNull)
			.map((rollback) -> rollback.get("parameters"))
			.toList();
		if (snapshots.isEmpty()) {
			return null;
		}
		if (snapshots.size() == 1) {
			return results.stream().map(MutationResult::rollback).filter(java.util.Objects::nonNull).findFirst().get();
		}
		Map<String, Object> rollback = new java.util.LinkedHashMap<>();
		rollback.put("action", NAME_OF_ACTION);
		rollback.put("parameters", Map.of(SNAPSHOTS, snapshots));
		return rollback;
	}

	private Map<String, Object> restore(ActionContext context, boolean dryRun) {
		Object snapshots = context.parameters().get(SNAPSHOTS);
		if (snapshots instanceof List<?> list && !list.isEmpty()) {
			List<Object> restored = new java.util.ArrayList<>();
			for (int i = list.size() - 1; i >= 0; i--) {
				if (!(list.get(i) instanceof Map<?, ?> snapshot)) {
					throw new IllegalArgumentException(SNAPSHOTS + " must be a list of snapshots, got " + list.get(i));
				}
				Map<String, Object> parameters = new java.util.LinkedHashMap<>();
				snapshot.forEach((key, value) -> parameters.put(String.valueOf(key), value));
				restored.add(restore(
						new ActionContext(context.remediationId(), context.stepId(), parameters, context.startedAt()),
						dryRun));
			}
			Map<String, Object> output = new java.util.LinkedHashMap<>();
			output.put("restoredObjects", restored);
			output.put("dryRun", dryRun);
			output.put("rollback", null);
			return output;
		}
		return restoreOne(context, dryRun);
	}

	private Map<String, Object> restoreOne(ActionContext context, boolean dryRun) {
		String stamp = context.require(STAMP);
		String execution = stamp.substring(0, stamp.indexOf('/') + 1);
		List<JsonDiff.Op> undo;
		try {
			undo = ObjectMutator.undoOf(context.require(UNDO_PATCH));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(UNDO_PATCH + " is not a recorded undo patch: " + ex.getMessage(), ex);
		}
		ArrayNode patch = JsonDiff.MAPPER.createArrayNode();
		undo.forEach((op) -> patch.add(op.toNode(false)));
		String kind = context.require(KIND);
		String name = context.require(NAME);
		String namespace = context.optional(NAMESPACE).orElse(null);
		MutationResult result = this.mutator.mutateGeneric(stamp + "/rollback", context.require(API_VERSION), kind,
				namespace, name, (object) -> {
					Map<String, String> annotations = object.getMetadata().getAnnotations();
					String last = (annotations != null) ? annotations.get(ObjectMutator.STEP_ANNOTATION) : null;
					if (last != null && !execution.isEmpty() && !last.startsWith(execution)) {
						throw new ActionSkippedException("ChangedByAnotherRemediation",
								kind + " " + name + " was changed by remediation step " + last + " after " + stamp
										+ "; restoring the snapshot would undo that change, so nothing was written");
					}
					return apply(object, patch, kind, name);
				}, dryRun);
		Map<String, Object> output = result.toOutput();
		// Undoing a restore is not offered: the engine does not compensate compensations.
		output.put("rollback", null);
		output.put("restored", stamp);
		return output;
	}

	private GenericKubernetesResource apply(GenericKubernetesResource object, ArrayNode patch, String kind,
			String name) {
		var serialization = this.mutator.client().getKubernetesSerialization();
		try {
			JsonNode tree = JsonDiff.MAPPER.readTree(serialization.asJson(object));
			JsonNode restored = JsonPatch.apply(patch, tree);
			return serialization.unmarshal(restored.toString(), GenericKubernetesResource.class);
		}
		catch (JsonPatchException ex) {
			throw new IllegalStateException("The snapshot of " + kind + " " + name
					+ " no longer fits the object (its structure changed since): " + ex.getMessage(), ex);
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException("Could not read " + kind + " " + name + " as JSON", ex);
		}
	}

}
