package ai.kubernaut.approval.link;

import java.net.URI;
import java.time.Clock;
import java.util.Locale;

import ai.kubernaut.approval.request.Approval;
import ai.kubernaut.approval.request.ApprovalNotFoundException;
import ai.kubernaut.approval.request.Approvals;
import ai.kubernaut.approval.request.Decider;
import ai.kubernaut.approval.request.DecisionRefusedException;
import ai.kubernaut.approval.token.DecisionToken;
import ai.kubernaut.approval.token.DecisionTokens;
import ai.kubernaut.approval.token.InvalidTokenException;
import ai.kubernaut.approval.token.LinkProperties;
import ai.kubernaut.contracts.approval.ApprovalState;
import ai.kubernaut.contracts.approval.Decision;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The one-click decision pages behind the links in Slack messages and emails.
 * <p>
 * A GET only shows: link unfurlers, mail scanners and prefetchers fetch every link, so a
 * GET never decides anything. The page's buttons POST the signed token back; that POST is
 * the decision. The token is the only credential (no cookie or session is involved), so a
 * cross-site page cannot make a browser decide without already holding the token; POSTs
 * that a browser marks as cross-site are refused anyway.
 */
@Controller
class DecisionPageController {

	private static final Logger log = LoggerFactory.getLogger(DecisionPageController.class);

	private final DecisionTokens tokens;

	private final Approvals approvals;

	private final LinkProperties properties;

	private final Clock clock;

	DecisionPageController(DecisionTokens tokens, Approvals approvals, LinkProperties properties, Clock clock) {
		this.tokens = tokens;
		this.approvals = approvals;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping(path = "/approvals/{token}", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> show(@PathVariable String token) {
		DecisionToken decision;
		Approval approval;
		try {
			decision = verify(token);
			approval = this.approvals.get(decision.approvalId());
		}
		catch (PageException ex) {
			return ex.page();
		}
		catch (ApprovalNotFoundException ex) {
			return html(HttpStatus.NOT_FOUND,
					DecisionPage.message("Unknown approval", "This approval request does not exist (any more).", null));
		}
		if (!approval.planHash().equals(decision.planHash()) || approval.state() == ApprovalState.SUPERSEDED) {
			return superseded(approval);
		}
		if (this.approvals.hasDecided(approval.id(), decision.approver())) {
			return alreadyUsed(approval);
		}
		if (approval.state() == ApprovalState.EXPIRED) {
			return expired(approval);
		}
		if (approval.state().isFinal()) {
			return alreadyDecided(approval);
		}
		String approve = sibling(decision, Decision.APPROVE);
		String reject = sibling(decision, Decision.REJECT);
		return html(HttpStatus.OK, DecisionPage.review(approval, decision.approver(), approve, reject));
	}

	@PostMapping(path = "/approvals/{token}", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> decide(@PathVariable String token, @RequestParam(required = false) String comment,
			HttpServletRequest request) {
		if (isCrossSite(request)) {
			log.warn("Refused a cross-site decision POST (Origin {}, Sec-Fetch-Site {})", request.getHeader("Origin"),
					request.getHeader("Sec-Fetch-Site"));
			return html(HttpStatus.FORBIDDEN, DecisionPage.message("Refused",
					"Decisions must be submitted from the approval page itself.", null));
		}
		DecisionToken decision;
		try {
			decision = verify(token);
		}
		catch (PageException ex) {
			return ex.page();
		}
		String trimmed = (comment == null || comment.isBlank()) ? null
				: comment.strip().substring(0, Math.min(comment.strip().length(), 2000));
		try {
			Approval approval = this.approvals.decide(decision.approvalId(), decision.decision(), trimmed,
					Decider.link(decision.approver()), decision.planHash());
			if (!approval.state().isFinal()) {
				return html(HttpStatus.OK, DecisionPage.message("Approval recorded",
						"Thank you. This change needs another approver before it runs.", approval));
			}
			String outcome = approval.state().name().toLowerCase(Locale.ROOT);
			return html(HttpStatus.OK, DecisionPage.message("Change " + outcome,
					"Thank you. The decision was recorded and the remediation engine is told.", approval));
		}
		catch (ApprovalNotFoundException ex) {
			return html(HttpStatus.NOT_FOUND,
					DecisionPage.message("Unknown approval", "This approval request does not exist (any more).", null));
		}
		catch (DecisionRefusedException ex) {
			Approval current = this.approvals.get(ex.approvalId());
			return switch (ex.reason()) {
				case ALREADY_VOTED -> alreadyUsed(current);
				case ALREADY_DECIDED -> this.approvals.hasDecided(current.id(), decision.approver())
						? alreadyUsed(current) : alreadyDecided(current);
				case EXPIRED -> expired(current);
				case SUPERSEDED, PLAN_MISMATCH -> superseded(current);
				case OUT_OF_SCOPE -> html(HttpStatus.FORBIDDEN, DecisionPage.message("Not allowed",
						decision.approver() + " may not decide approvals for this namespace.", current));
			};
		}
	}

	private DecisionToken verify(String token) {
		DecisionToken decision;
		try {
			decision = this.tokens.verify(token, this.clock.instant());
		}
		catch (InvalidTokenException ex) {
			if (ex.isExpired()) {
				throw new PageException(html(HttpStatus.GONE, DecisionPage.message("Link expired",
						"This approval link has expired. Nothing was decided.", null)));
			}
			// Never echo the token or say which check failed.
			log.warn("Refused an invalid approval link token");
			throw new PageException(html(HttpStatus.FORBIDDEN, DecisionPage.message("Invalid link",
					"This approval link is not valid. Nothing was decided.", null)));
		}
		if (decision.isForSlack()) {
			throw new PageException(html(HttpStatus.FORBIDDEN, DecisionPage.message("Invalid link",
					"This value only works from a Slack button. Nothing was decided.", null)));
		}
		return decision;
	}

	private String sibling(DecisionToken decision, Decision to) {
		return this.tokens.mint(new DecisionToken(decision.approvalId(), to, decision.approver(), decision.planHash(),
				decision.expiresAt()));
	}

	/**
	 * Browsers mark cross-site requests with {@code Sec-Fetch-Site} and {@code Origin};
	 * either one naming another site refuses the POST. Clients that send neither (curl,
	 * older browsers) are judged by the token alone.
	 */
	private boolean isCrossSite(HttpServletRequest request) {
		if ("cross-site".equals(request.getHeader("Sec-Fetch-Site"))) {
			return true;
		}
		String origin = request.getHeader("Origin");
		if (origin == null) {
			return false;
		}
		URI base = this.properties.baseUrl();
		String configured = base.getScheme() + "://" + base.getAuthority();
		String own = request.getScheme() + "://" + request.getHeader(HttpHeaders.HOST);
		return !origin.equalsIgnoreCase(configured) && !origin.equalsIgnoreCase(own);
	}

	private static ResponseEntity<String> superseded(Approval approval) {
		return html(HttpStatus.CONFLICT,
				DecisionPage.message("Plan changed",
						"This link was made for a plan that no longer stands (the request was withdrawn or changed). "
								+ "Nothing was decided.",
						approval));
	}

	private static ResponseEntity<String> alreadyUsed(Approval approval) {
		return html(HttpStatus.GONE, DecisionPage.message("Link already used",
				"You have already decided on this request. Nothing else was changed.", approval));
	}

	private static ResponseEntity<String> expired(Approval approval) {
		return html(HttpStatus.GONE,
				DecisionPage.message("Request expired", "Nobody decided in time. Nothing was decided now.", approval));
	}

	private static ResponseEntity<String> alreadyDecided(Approval approval) {
		return html(HttpStatus.CONFLICT, DecisionPage.message("Already decided",
				"Someone else decided first. Your decision was not recorded.", approval));
	}

	static ResponseEntity<String> html(HttpStatus status, String page) {
		return ResponseEntity.status(status)
			.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
			.cacheControl(org.springframework.http.CacheControl.noStore())
			.header("Referrer-Policy", "no-referrer")
			.header("X-Content-Type-Options", "nosniff")
			.header("X-Robots-Tag", "noindex")
			.header("Content-Security-Policy",
					"default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; "
							+ "base-uri 'none'")
			.body(page);
	}

	/**
	 * A token that cannot be used, with the page that says so.
	 */
	private static final class PageException extends RuntimeException {

		private final transient ResponseEntity<String> page;

		PageException(ResponseEntity<String> page) {
			super(null, null, false, false);
			this.page = page;
		}

		ResponseEntity<String> page() {
			return this.page;
		}

	}

}
