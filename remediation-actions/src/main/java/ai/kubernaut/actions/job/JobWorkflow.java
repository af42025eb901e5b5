package ai.kubernaut.actions.job;

import java.util.List;
import java.util.Objects;

/**
 * A catalog workflow with {@code execution.engine: job}: its bundle image does the work
 * inside one Job.
 *
 * @param workflowId the catalog id, recorded on the Job
 * @param bundle the image, e.g. {@code quay.io/org/wf@sha256:...}
 * @param serviceAccountName the workflow's own service account, or {@code null} for the
 * configured one
 * @param declaredParameters the parameters the workflow declares; only these are passed
 * to the Job, as Kubernaut does
 */
public record JobWorkflow(String workflowId, String bundle, String serviceAccountName,
		List<String> declaredParameters) {

	public JobWorkflow {
		Objects.requireNonNull(bundle, "bundle");
		declaredParameters = List.copyOf(Objects.requireNonNullElse(declaredParameters, List.of()));
	}

}
