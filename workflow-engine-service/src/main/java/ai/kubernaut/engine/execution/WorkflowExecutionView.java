package ai.kubernaut.engine.execution;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The status of a workflow execution.
 *
 * @param workflowId the catalog workflow it runs; {@code null} for an inline definition
 * @param progress percentage of steps that reached a terminal phase
 * @param graph the step graph as text with each step's phase
 */
public record WorkflowExecutionView(UUID id, String workflowId, String name, ExecutionPhase phase, String reason,
		boolean dryRun, int progress, int completedSteps, int totalSteps, List<String> runningSteps, Instant createdAt,
		Instant startedAt, Instant completedAt, List<Step> steps, String graph) {

	/**
	 * One step's status.
	 */
	public record Step(String id, String name, String action, String phase, List<String> dependsOn,
			boolean requiresApproval, int attempts, Instant startedAt, Instant finishedAt, Map<String, Object> output,
			String error) {

	}

}
