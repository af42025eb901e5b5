package ai.kubernaut.contracts.approval;

import java.net.URI;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Signed, expiring one-click decisions for an approval request. Every token is bound to
 * the approval id, the decision and the plan hash, and expires with the request.
 *
 * @param slack values for the Slack Block Kit buttons ({@code action_id} {@code approve}
 * / {@code reject}, {@code value} the token). They name no person: who decides is the
 * verified Slack user, mapped to an approver
 * @param approvers per approver in scope of the request, the links that decide as that
 * approver (for email or direct messages; never post them to a shared channel)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApprovalLinks(ButtonValues slack, Map<String, DecisionLinks> approvers) {

	/**
	 * Opaque tokens, one per decision.
	 */
	public record ButtonValues(String approve, String reject) {
	}

	/**
	 * One-click links, one per decision. Opening one shows the plan; only the button on
	 * that page decides.
	 */
	public record DecisionLinks(URI approve, URI reject) {
	}

}
