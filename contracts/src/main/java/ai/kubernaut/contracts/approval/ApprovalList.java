package ai.kubernaut.contracts.approval;

import java.util.List;

/**
 * Approval requests matching a list query, oldest first.
 */
public record ApprovalList(List<ApprovalView> approvals) {
}
