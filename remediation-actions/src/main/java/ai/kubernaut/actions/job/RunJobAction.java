package ai.kubernaut.actions.job;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.kubernaut.actions.ActionContext;
import ai.kubernaut.actions.ActionParameter;
import ai.kubernaut.actions.RemediationAction;
import ai.kubernaut.actions.observe.Durations;
import ai.kubernaut.actions.observe.TargetRef;

/**
 * Runs {@code IMAGE} as a Job against the target and waits for it (see {@link JobRunner}
 * for the name, the lock and the failure reasons). The step's other parameters become env
 * vars, with {@code TARGET_RESOURCE}.
 */
public class RunJobAction implements RemediationAction {

	public static final String NAME = "run_job";

	static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);

	static final Duration MAX_TIMEOUT = Duration.ofHours(6);

	/** Parameters that steer the action and are not passed to the Job. */
	private static final Set<String> OWN = Set.of("IMAGE", "TIMEOUT", "SERVICE_ACCOUNT");

	private final JobRunner runner;

	public RunJobAction(JobRunner runner) {
		this.runner = runner;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<ActionParameter> parameters() {
		return List.of(ActionParameter.required("IMAGE", "The image that does the work"),
				ActionParameter.required(TargetRef.KIND, "Kind of the target"),
				ActionParameter.required(TargetRef.NAME, "Name of the target"),
				ActionParameter.optional(TargetRef.NAMESPACE, "Namespace of the target"),
				ActionParameter.optional("TIMEOUT",
						"The Job's deadline, 1s to 6h; " + Durations.format(this.runner.settings().defaultDeadline())
								+ " when absent"),
				ActionParameter.optional("SERVICE_ACCOUNT",
						"Service account to run as; the configured one when absent"));
	}

	@Override
	public boolean mutating() {
		return true;
	}

	@Override
	public List<String> validate(Map<String, Object> parameters) {
		List<String> problems = new ArrayList<>();
		Object image = parameters.get("IMAGE");
		if (image != null && !image.toString().contains("${") && image.toString().strip().contains(" ")) {
			problems.add("IMAGE must be an image reference, got \"" + image + "\"");
		}
		String timeout = Durations.check("TIMEOUT", parameters.get("TIMEOUT"), MIN_TIMEOUT, MAX_TIMEOUT);
		if (timeout != null) {
			problems.add(timeout);
		}
		return problems;
	}

	@Override
	public Map<String, Object> execute(ActionContext context) {
		return this.runner.run(request(context, context.require("IMAGE"), NAME));
	}

	@Override
	public Map<String, Object> preview(ActionContext context) {
		return this.runner.preview(request(context, context.require("IMAGE"), NAME));
	}

	/**
	 * The Job for a step: its parameters (but {@code own}) as env, its target, its stamp.
	 */
	static JobRequest request(ActionContext context, String image, String action, JobRunner runner, Set<String> own) {
		Duration deadline = Durations.parameter(context, "TIMEOUT", runner.settings().defaultDeadline(), MIN_TIMEOUT,
				MAX_TIMEOUT);
		return new JobRequest(image, TargetRef.from(context), JobRunner.environment(context.parameters(), own),
				context.remediationId() + "/" + context.stepId(), deadline, action,
				context.optional("SERVICE_ACCOUNT").orElse(null));
	}

	private JobRequest request(ActionContext context, String image, String action) {
		List<String> problems = validate(context.parameters());
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(String.join("; ", problems));
		}
		return request(context, image, action, this.runner, OWN);
	}

}
