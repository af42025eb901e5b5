package ai.kubernaut.approval.token;

import java.time.Instant;
import java.util.UUID;

import ai.kubernaut.contracts.approval.Decision;

/**
 * What a signed one-click token says: this decision, on this approval, for exactly this
 * plan, until then.
 *
 * @param approver the approver a link decides as; {@code null} for a Slack button value,
 * where the verified Slack user is who decides
 */
public record DecisionToken(UUID approvalId, Decision decision, String approver, String planHash, Instant expiresAt) {

	public boolean isForSlack() {
		return this.approver == null;
	}

}
