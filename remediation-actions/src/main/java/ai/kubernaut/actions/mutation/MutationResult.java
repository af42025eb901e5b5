package ai.kubernaut.actions.mutation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a mutation did, or in a dry run would do.
 *
 * @param object the object, e.g. {@code Deployment/demo/checkout} or
 * {@code Node/worker-1}
 * @param diff the change as JSON Patch operations {@code {op, path, value, fromValue}}
 * @param changes the same for people, one line per field, e.g.
 * {@code spec.template.spec.containers[app].resources.limits.memory: 64Mi -> 128Mi}
 * @param changed whether the object was (or would be) written
 * @param alreadyApplied whether this very step had already written it (a replay), so
 * nothing was written this time
 * @param dryRun whether this was a preview
 * @param rollback the compensation that restores the fields as they were before, as
 * {@code {action: restore_snapshot, parameters: {...}}}; {@code null} when nothing
 * changed or in a dry run
 */
public record MutationResult(String object, List<Map<String, Object>> diff, List<String> changes, boolean changed,
		boolean alreadyApplied, boolean dryRun, Map<String, Object> rollback) {

	public MutationResult {
		diff = List.copyOf(diff);
		changes = List.copyOf(changes);
	}

	/**
	 * What a step returns: {@code object, diff, changes, changed, alreadyApplied, dryRun,
	 * rollback}. The map is mutable, so an action can add its own fields.
	 */
	public Map<String, Object> toOutput() {
		Map<String, Object> output = new LinkedHashMap<>();
		output.put("object", this.object);
		output.put("diff", this.diff);
		output.put("changes", this.changes);
		output.put("changed", this.changed);
		output.put("alreadyApplied", this.alreadyApplied);
		output.put("dryRun", this.dryRun);
		output.put("rollback", this.rollback);
		return output;
	}

}
