package ai.kubernaut.contracts.audit;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One past remediation of a target, assembled from the audit events of its correlation
 * id.
 *
 * @param remediationId the correlation id
 * @param outcome {@code Completed}, {@code Failed} or {@code InProgress} (no terminal
 * event yet)
 * @param startedAt the first event of the remediation
 * @param completedAt the terminal event, {@code null} while in progress
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RemediationHistoryEntry(String remediationId, String workflowId, String actionType, String outcome,
		String failureReason, Instant startedAt, Instant completedAt) {
}
