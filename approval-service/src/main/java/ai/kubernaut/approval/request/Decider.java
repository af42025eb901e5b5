package ai.kubernaut.approval.request;

/**
 * Who decides and through which channel. The name is always an authenticated identity: an
 * API token's holder, the approver a signed link was minted for, or the approver a
 * verified Slack user maps to.
 *
 * @param name the approver, as named in {@code kubernaut.approval.approvers} and the API
 * tokens
 * @param via {@code api}, {@code link} or {@code slack:<user id>}
 */
public record Decider(String name, String via) {

	public static Decider api(String name) {
		return new Decider(name, "api");
	}

	public static Decider link(String name) {
		return new Decider(name, "link");
	}

	public static Decider slack(String name, String slackUserId) {
		return new Decider(name, "slack:" + slackUserId);
	}

}
