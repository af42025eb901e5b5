package ai.kubernaut.approval.slack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;

import ai.kubernaut.approval.policy.ApproverPolicy;
import ai.kubernaut.approval.request.Approval;
import ai.kubernaut.approval.request.ApprovalNotFoundException;
import ai.kubernaut.approval.request.Approvals;
import ai.kubernaut.approval.request.Decider;
import ai.kubernaut.approval.request.DecisionRefusedException;
import ai.kubernaut.approval.token.DecisionToken;
import ai.kubernaut.approval.token.DecisionTokens;
import ai.kubernaut.approval.token.InvalidTokenException;
import ai.kubernaut.contracts.approval.Decision;
import ai.kubernaut.support.problem.ApiProblemException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Slack Block Kit button clicks on approval messages. The buttons carry {@code action_id}
 * {@code approve} or {@code reject} and, as {@code value}, the signed token from the
 * request's {@code links.slack}. Who decides is the Slack user who clicked, as Slack's
 * signature vouches, mapped to an approver by
 * {@code kubernaut.approval.approvers.<name>.slack-user-id}.
 */
@RestController
class SlackInteractionController {

	static final String PATH = "/api/v1/slack/interactions";

	private static final Logger log = LoggerFactory.getLogger(SlackInteractionController.class);

	private static final int MAX_BODY_BYTES = 64 * 1024;

	private final SlackSignature signature;

	private final DecisionTokens tokens;

	private final Approvals approvals;

	private final ApproverPolicy policy;

	private final SlackResponder responder;

	private final JsonMapper json;

	private final Clock clock;

	SlackInteractionController(SlackProperties properties, DecisionTokens tokens, Approvals approvals,
			ApproverPolicy policy, SlackResponder responder, JsonMapper json, Clock clock) {
		this.signature = new SlackSignature(properties.signingSecret(), properties.tolerance());
		this.tokens = tokens;
		this.approvals = approvals;
		this.policy = policy;
		this.responder = responder;
		this.json = json;
		this.clock = clock;
		if (properties.signingSecret() == null) {
			log.warn("kubernaut.approval.slack.signing-secret is not set: every Slack interaction is refused");
		}
	}

	/**
	 * Reads the raw body itself: the signature covers the exact bytes Slack sent, which a
	 * re-encoded form would not reproduce.
	 */
	@PostMapping(PATH)
	ResponseEntity<Void> interact(HttpServletRequest request) throws IOException {
		byte[] body = readBody(request);
		if (!this.signature.isValid(request.getHeader("X-Slack-Request-Timestamp"),
				request.getHeader("X-Slack-Signature"), body, this.clock.instant())) {
			log.warn("Refused a Slack interaction with a missing, wrong or stale signature");
			throw new ApiProblemException(HttpStatus.UNAUTHORIZED, "slack-signature-invalid", "Invalid Slack Signature",
					"The request is not signed with the Slack signing secret, or its timestamp is too old.");
		}
		Interaction interaction = parse(body);
		handle(interaction);
		return ResponseEntity.ok().build();
	}

	private void handle(Interaction click) {
		String approver = this.policy.approverForSlackUser(click.userId()).orElse(null);
		if (approver == null) {
			log.warn("Slack user {} ({}) clicked an approval button but is not a configured approver", click.userId(),
					click.userName());
			this.responder.tellClicker(click.responseUrl(), "You are not a configured approver; nothing was decided.");
			return;
		}
		DecisionToken token;
		try {
			token = this.tokens.verify(click.value(), this.clock.instant());
		}
		catch (InvalidTokenException ex) {
			this.responder.tellClicker(click.responseUrl(),
					ex.isExpired() ? "This approval request has expired; nothing was decided."
							: "Invalid button; nothing was decided.");
			return;
		}
		// notification-service renders the buttons as kubernaut_approval_<action id>.
		Decision decision = switch (click.actionId().replaceFirst("^kubernaut_approval_", "")) {
			case "approve" -> Decision.APPROVE;
			case "reject" -> Decision.REJECT;
			default -> null;
		};
		if (decision != token.decision() || (token.approver() != null && !token.approver().equals(approver))) {
			log.warn("Slack user {} sent button {} with a token for {} by {}", click.userId(), click.actionId(),
					token.decision(), token.approver());
			this.responder.tellClicker(click.responseUrl(), "Invalid button; nothing was decided.");
			return;
		}
		try {
			Approval approval = this.approvals.decide(token.approvalId(), decision, null,
					Decider.slack(approver, click.userId()), token.planHash());
			if (approval.state().isFinal()) {
				this.responder.replace(click.responseUrl(), outcome(approval, click));
			}
			else {
				this.responder.tellClicker(click.responseUrl(),
						"Your approval is recorded. This change needs another approver.");
			}
		}
		catch (ApprovalNotFoundException ex) {
			this.responder.tellClicker(click.responseUrl(), "This approval request no longer exists.");
		}
		catch (DecisionRefusedException ex) {
			this.responder.tellClicker(click.responseUrl(), "Not recorded: " + ex.getMessage());
		}
	}

	private static String outcome(Approval approval, Interaction click) {
		String verb = approval.state().name().toLowerCase(Locale.ROOT);
		return "*" + approval.actionType() + "* on `" + approval.target().namespace() + "/" + approval.target().name()
				+ "`: " + verb + " by " + approval.decidedBy() + " (<@" + click.userId() + ">) at "
				+ approval.decidedAt();
	}

	private Interaction parse(byte[] body) {
		String payload = null;
		for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0 && "payload".equals(pair.substring(0, eq))) {
				payload = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			}
		}
		if (payload == null) {
			throw badPayload("the form has no payload field");
		}
		JsonNode root;
		try {
			root = this.json.readTree(payload);
		}
		catch (RuntimeException ex) {
			throw badPayload("payload is not JSON");
		}
		JsonNode action = root.path("actions").path(0);
		String userId = root.path("user").path("id").asString(null);
		String actionId = action.path("action_id").asString(null);
		String value = action.path("value").asString(null);
		String responseUrl = root.path("response_url").asString(null);
		if (!"block_actions".equals(root.path("type").asString(null)) || userId == null || actionId == null
				|| value == null) {
			throw badPayload("expected a block_actions payload with user.id, actions[0].action_id and value");
		}
		String userName = root.path("user").path("username").asString(root.path("user").path("name").asString(null));
		URI response;
		try {
			response = (responseUrl != null) ? URI.create(responseUrl) : null;
		}
		catch (IllegalArgumentException ex) {
			response = null;
		}
		return new Interaction(userId, userName, actionId, value, response);
	}

	private static ApiProblemException badPayload(String detail) {
		return new ApiProblemException(HttpStatus.BAD_REQUEST, "slack-payload-invalid", "Invalid Slack Payload",
				detail);
	}

	private static byte[] readBody(HttpServletRequest request) throws IOException {
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
			if (body.length > MAX_BODY_BYTES) {
				throw new ApiProblemException(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload Too Large",
						"Slack interactions are at most " + MAX_BODY_BYTES + " bytes.");
			}
			return body;
		}
	}

	private record Interaction(String userId, String userName, String actionId, String value, URI responseUrl) {
	}

}
