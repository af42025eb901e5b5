package ai.kubernaut.actions.job;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import ai.kubernaut.actions.observe.TargetRef;

/**
 * One Job to run.
 *
 * @param image the container image that does the work
 * @param target what the Job acts on; its Kubernaut form names the Job and is passed as
 * {@code TARGET_RESOURCE}
 * @param env the environment besides {@code TARGET_RESOURCE}
 * @param stamp {@code <executionId>/<stepId>}: a Job with this stamp is this step's own,
 * found again after a crash
 * @param deadline the Job's {@code activeDeadlineSeconds}
 * @param workflowId the catalog workflow, or the action name, recorded as a label
 * @param serviceAccountName the service account to run as, or {@code null} for the
 * configured one
 */
public record JobRequest(String image, TargetRef target, Map<String, String> env, String stamp, Duration deadline,
		String workflowId, String serviceAccountName) {

	public JobRequest {
		Objects.requireNonNull(image, "image");
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(stamp, "stamp");
		Objects.requireNonNull(deadline, "deadline");
		env = Map.copyOf(Objects.requireNonNullElse(env, Map.of()));
	}

}
