package ai.kubernaut.approval.link;

import java.util.Map;

import ai.kubernaut.approval.request.Approval;

import org.springframework.web.util.HtmlUtils;

/**
 * The HTML of the decision pages: no scripts, no external resources, and every value from
 * a request escaped.
 */
final class DecisionPage {

	private DecisionPage() {
	}

	/**
	 * The plan and two buttons, each a form that POSTs its own signed token.
	 */
	static String review(Approval approval, String approver, String approveToken, String rejectToken) {
		StringBuilder body = new StringBuilder();
		body.append("<h1>Approval required</h1>");
		body.append("<p>You are deciding as <strong>")
			.append(esc(approver))
			.append("</strong>. Nothing happens until you press a button.</p>");
		body.append(facts(approval));
		if (approval.requiredApprovals() > 1) {
			body.append("<p>This change needs ")
				.append(approval.requiredApprovals())
				.append(" different approvers; approved so far by: ")
				.append(approval.approvedBy().isEmpty() ? "nobody" : esc(String.join(", ", approval.approvedBy())))
				.append(".</p>");
		}
		if (approval.graph() != null) {
			body.append("<h2>Steps</h2><pre>").append(esc(approval.graph())).append("</pre>");
		}
		if (approval.diff() != null) {
			body.append("<h2>Dry-run diff</h2><pre>").append(esc(approval.diff())).append("</pre>");
		}
		body.append("<form method=\"post\" action=\"")
			.append(esc(approveToken))
			.append("\"><label>Comment <input name=\"comment\" maxlength=\"2000\"></label> ")
			.append("<button type=\"submit\" class=\"approve\">Approve</button></form>");
		body.append("<form method=\"post\" action=\"")
			.append(esc(rejectToken))
			.append("\"><label>Comment <input name=\"comment\" maxlength=\"2000\"></label> ")
			.append("<button type=\"submit\" class=\"reject\">Reject</button></form>");
		return page("Approval required: " + approval.actionType() + " on " + approval.target(), body.toString());
	}

	/**
	 * The answer after a decision, or when a link cannot be used.
	 */
	static String message(String title, String text, Approval approval) {
		String body = "<h1>" + esc(title) + "</h1><p>" + esc(text) + "</p>"
				+ ((approval != null) ? facts(approval) : "");
		return page(title, body);
	}

	private static String facts(Approval approval) {
		Map<String, String> facts = new java.util.LinkedHashMap<>();
		facts.put("Action", approval.actionType() + " (steps " + String.join(", ", approval.steps()) + ")");
		facts.put("Target",
				approval.target().kind() + " " + approval.target().namespace() + "/" + approval.target().name()
						+ ((approval.targetResourceVersion() != null)
								? " (resourceVersion " + approval.targetResourceVersion() + ")" : ""));
		facts.put("Workflow",
				approval.workflowId() + ((approval.workflowVersion() != null) ? " " + approval.workflowVersion() : ""));
		facts.put("Parameters", approval.parameters().toString());
		if (approval.risk() != null) {
			facts.put("Risk", approval.risk());
		}
		if (approval.reason() != null) {
			facts.put("Why approval is needed", approval.reason());
		}
		facts.put("State",
				approval.state().name() + ((approval.decidedBy() != null) ? " (by " + approval.decidedBy() + ")" : ""));
		facts.put("Expires", approval.expiresAt().toString());
		facts.put("Plan hash", approval.planHash());
		StringBuilder table = new StringBuilder("<table>");
		facts.forEach((name, value) -> table.append("<tr><th>")
			.append(esc(name))
			.append("</th><td>")
			.append(esc(value))
			.append("</td></tr>"));
		return table.append("</table>").toString();
	}

	private static String page(String title, String body) {
		return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
				+ "<meta name=\"robots\" content=\"noindex\"><title>" + esc(title) + "</title><style>"
				+ "body{font-family:system-ui,sans-serif;max-width:56rem;margin:2rem auto;padding:0 1rem}"
				+ "th{text-align:left;padding-right:1rem;vertical-align:top}"
				+ "pre{background:#f4f4f4;padding:.75rem;overflow:auto}form{display:inline-block;margin:1rem 1rem 0 0}"
				+ "button{font-size:1.1rem;padding:.5rem 1.5rem}.approve{background:#1a7f37;color:#fff}"
				+ ".reject{background:#cf222e;color:#fff}</style></head><body>" + body + "</body></html>";
	}

	private static String esc(String value) {
		return HtmlUtils.htmlEscape(value, "UTF-8");
	}

}
