package ai.kubernaut.actions.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import ai.kubernaut.actions.ActionContext;
import ai.kubernaut.actions.ActionParameter;
import ai.kubernaut.actions.RemediationAction;
import ai.kubernaut.actions.observe.Durations;
import ai.kubernaut.actions.observe.TargetRef;

/**
 * An action carried out by a container image the operator supplies, run as a Job (see
 * {@link JobRunner}): work the engine cannot do through the Kubernetes API alone, such as
 * {@code backup_data}, {@code create_heap_dump}, {@code update_git_manifests} or
 * {@code failover_database}. The image is configured under
 * {@code kubernaut.engine.jobs.bundles.<action>}. Without one the action is refused when
 * the workflow is submitted, naming that property: never a silent no-op.
 */
public class JobBundleAction implements RemediationAction {

	private static final Set<String> OWN = Set.of("TIMEOUT", "SERVICE_ACCOUNT");

	private final String name;

	private final String description;

	private final JobRunner runner;

	/**
	 * @param description what the bundle is expected to do, for documentation
	 */
	public JobBundleAction(String name, String description, JobRunner runner) {
		this.name = name;
		this.description = description;
		this.runner = runner;
	}

	@Override
	public String name() {
		return this.name;
	}

	public String description() {
		return this.description;
	}

	@Override
	public List<ActionParameter> parameters() {
		return List.of(ActionParameter.required(TargetRef.KIND, "Kind of the target"),
				ActionParameter.required(TargetRef.NAME, "Name of the target"),
				ActionParameter.optional(TargetRef.NAMESPACE, "Namespace of the target"),
				ActionParameter.optional("TIMEOUT", "The Job's deadline, 1s to 6h"), ActionParameter
					.optional("SERVICE_ACCOUNT", "Service account to run as; the configured one when absent"));
	}

	@Override
	public boolean mutating() {
		return true;
	}

	@Override
	public List<String> validate(Map<String, Object> parameters) {
		List<String> problems = new ArrayList<>();
		if (image().isEmpty()) {
			problems.add(missingBundle());
		}
		String timeout = Durations.check("TIMEOUT", parameters.get("TIMEOUT"), RunJobAction.MIN_TIMEOUT,
				RunJobAction.MAX_TIMEOUT);
		if (timeout != null) {
			problems.add(timeout);
		}
		return problems;
	}

	@Override
	public Map<String, Object> execute(ActionContext context) {
		return this.runner.run(request(context));
	}

	@Override
	public Map<String, Object> preview(ActionContext context) {
		return this.runner.preview(request(context));
	}

	private JobRequest request(ActionContext context) {
		List<String> problems = validate(context.parameters());
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(String.join("; ", problems));
		}
		return RunJobAction.request(context, image().orElseThrow(), this.name, this.runner, OWN);
	}

	private Optional<String> image() {
		return this.runner.settings().bundle(this.name);
	}

	private String missingBundle() {
		return this.name + " is carried out by a Job bundle, and no image is configured for it: set "
				+ JobSettings.BUNDLES_PROPERTY + "." + this.name;
	}

}
