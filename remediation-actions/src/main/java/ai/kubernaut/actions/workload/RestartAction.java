package ai.kubernaut.actions.workload;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;

import ai.kubernaut.actions.ActionContext;
import ai.kubernaut.actions.ActionParameter;
import ai.kubernaut.actions.mutation.MutationResult;
import ai.kubernaut.actions.mutation.ObjectMutator;

/**
 * {@code restart_deployment} and {@code restart_statefulset}: a rolling restart, done the
 * way {@code kubectl rollout restart} does it, by setting the pod-template annotation
 * {@value #ANNOTATION} to the current time; the controller then replaces the pods under
 * the workload's own rollout strategy. The time is fixed in {@code prepare}, so a dry run
 * and the run show the same value and a re-driven attempt does not restart twice.
 */
public final class RestartAction extends WorkloadAction {

	public static final String ANNOTATION = "kubectl.kubernetes.io/restartedAt";

	static final String RESTARTED_AT = "RESTARTED_AT";

	private final String name;

	private final String kind;

	private final Clock clock;

	private RestartAction(String name, String kind, ObjectMutator mutator, Clock clock) {
		super(mutator);
		this.name = name;
		this.kind = kind;
		this.clock = clock;
	}

	public static RestartAction deployment(ObjectMutator mutator, Clock clock) {
		return new RestartAction("restart_deployment", "Deployment", mutator, clock);
	}

	public static RestartAction statefulSet(ObjectMutator mutator, Clock clock) {
		return new RestartAction("restart_statefulset", "StatefulSet", mutator, clock);
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public List<ActionParameter> parameters() {
		return List.of(ActionParameter.required(Target.NAMESPACE, "Namespace of the " + this.kind),
				ActionParameter.required(Target.NAME, "Name of the " + this.kind),
				ActionParameter.optional(Target.KIND, this.kind + ", when given"));
	}

	@Override
	public List<String> validate(Map<String, Object> parameters) {
		return Checks.problems(Target.checkKind(parameters.get(Target.KIND), this.name, Set.of(this.kind)));
	}

	@Override
	public Map<String, Object> prepare(ActionContext context) {
		if (context.optional(RESTARTED_AT).isPresent()) {
			return context.parameters();
		}
		Map<String, Object> prepared = new LinkedHashMap<>(context.parameters());
		prepared.put(RESTARTED_AT, now());
		return prepared;
	}

	@Override
	Map<String, Object> act(ActionContext context, boolean dryRun) {
		Target target = Target.of(context, this.name, this.kind);
		String restartedAt = context.optional(RESTARTED_AT).orElseGet(this::now);
		MutationResult result = writeWorkload(context, dryRun, target, (workload) -> {
			PodTemplateSpec template = PodTemplates.of(workload);
			if (template.getMetadata() == null) {
				template.setMetadata(new ObjectMeta());
			}
			if (template.getMetadata().getAnnotations() == null) {
				template.getMetadata().setAnnotations(new LinkedHashMap<>());
			}
			template.getMetadata().getAnnotations().put(ANNOTATION, restartedAt);
			return workload;
		});
		Map<String, Object> output = result.toOutput();
		output.put("restartedAt", restartedAt);
		return output;
	}

	private String now() {
		return DateTimeFormatter.ISO_INSTANT.format(this.clock.instant().truncatedTo(ChronoUnit.SECONDS));
	}

}
