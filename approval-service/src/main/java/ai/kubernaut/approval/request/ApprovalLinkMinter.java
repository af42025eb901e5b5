package ai.kubernaut.approval.request;

import java.util.LinkedHashMap;
import java.util.Map;

import ai.kubernaut.approval.policy.ApproverPolicy;
import ai.kubernaut.approval.token.DecisionToken;
import ai.kubernaut.approval.token.DecisionTokens;
import ai.kubernaut.contracts.approval.ApprovalLinks;
import ai.kubernaut.contracts.approval.ApprovalLinks.DecisionLinks;
import ai.kubernaut.contracts.approval.ApprovalLinks.ButtonValues;
import ai.kubernaut.contracts.approval.Decision;

import org.springframework.stereotype.Component;

/**
 * Mints the one-click decisions of a new request: Slack button values for anyone the
 * Slack user mapping recognises, and per approver in scope the links that decide as that
 * approver. Each expires with the request and is bound to its plan.
 */
@Component
class ApprovalLinkMinter {

	private final DecisionTokens tokens;

	private final ApproverPolicy policy;

	ApprovalLinkMinter(DecisionTokens tokens, ApproverPolicy policy) {
		this.tokens = tokens;
		this.policy = policy;
	}

	/**
	 * The links of {@code approval}, or {@code null} when links are not configured.
	 */
	ApprovalLinks linksFor(Approval approval) {
		if (!this.tokens.enabled()) {
			return null;
		}
		Map<String, DecisionLinks> approvers = new LinkedHashMap<>();
		for (String approver : this.policy.approversInScope(approval.target().namespace(), approval.approverGroup())) {
			approvers.put(approver, new DecisionLinks(this.tokens.link(mint(approval, Decision.APPROVE, approver)),
					this.tokens.link(mint(approval, Decision.REJECT, approver))));
		}
		return new ApprovalLinks(
				new ButtonValues(mint(approval, Decision.APPROVE, null), mint(approval, Decision.REJECT, null)),
				approvers);
	}

	private String mint(Approval approval, Decision decision, String approver) {
		return this.tokens
			.mint(new DecisionToken(approval.id(), decision, approver, approval.planHash(), approval.expiresAt()));
	}

}
