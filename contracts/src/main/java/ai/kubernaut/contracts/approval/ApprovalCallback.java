package ai.kubernaut.contracts.approval;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What approval-service POSTs to an approval request's {@code callbackUrl} once the
 * request reaches a final state. It is retried until the receiver answers 2xx, so
 * receivers must treat a repeat as already handled (the {@code approvalId} identifies
 * it).
 *
 * @param decidedBy who decided: the approvers' identities joined with {@code ,}, or
 * {@code system} for expiry and supersession
 * @param planHash the plan the decision applies to; the engine must run the gated steps
 * only if its plan still hashes to this
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApprovalCallback(UUID approvalId, UUID remediationId, UUID executionId, List<String> steps,
		ApprovalState state, String decidedBy, String comment, Instant decidedAt, String planHash) {
}
