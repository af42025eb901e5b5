package ai.kubernaut.contracts.approval;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ai.kubernaut.contracts.signal.ResourceRef;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An approval request and, once decided, its decision.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApprovalView(UUID approvalId, UUID remediationId, List<String> steps, ResourceRef target,
		String actionType, String workflowId, Map<String, Object> parameters, String reason, ApprovalState state,
		String decidedBy, String comment, Instant createdAt, Instant expiresAt, Instant decidedAt) {
}
