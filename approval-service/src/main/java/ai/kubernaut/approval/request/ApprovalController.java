package ai.kubernaut.approval.request;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import ai.kubernaut.contracts.approval.ApprovalApi;
import ai.kubernaut.contracts.approval.ApprovalList;
import ai.kubernaut.contracts.approval.ApprovalState;
import ai.kubernaut.contracts.approval.ApprovalView;
import ai.kubernaut.contracts.approval.CreateApprovalRequest;
import ai.kubernaut.contracts.approval.DecisionRequest;
import ai.kubernaut.contracts.approval.SupersedeRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * HTTP face of {@link Approvals}.
 */
@RestController
class ApprovalController implements ApprovalApi {

	private final Approvals approvals;

	private final ApprovalLinkMinter links;

	private final HttpServletResponse response;

	ApprovalController(Approvals approvals, ApprovalLinkMinter links, HttpServletResponse response) {
		this.approvals = approvals;
		this.links = links;
		this.response = response;
	}

	@Override
	@ResponseStatus(HttpStatus.CREATED)
	public ApprovalView create(CreateApprovalRequest request) {
		Approval approval = this.approvals.create(request, caller());
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.path("/{approvalId}")
			.buildAndExpand(approval.id())
			.toUri();
		this.response.setHeader(HttpHeaders.LOCATION, location.toString());
		// The links are credentials: only the caller that opened the request sees them.
		this.response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		return approval.toView(this.links.linksFor(approval));
	}

	@Override
	public ApprovalView get(UUID approvalId) {
		return this.approvals.get(approvalId).toView();
	}

	@Override
	public ApprovalList list(ApprovalState state, String namespace, Duration olderThan, Integer limit) {
		return new ApprovalList(
				this.approvals.list(state, namespace, olderThan, limit).stream().map(Approval::toView).toList());
	}

	@Override
	public ApprovalView decide(UUID approvalId, DecisionRequest decision) {
		return this.approvals.decide(approvalId, decision.decision(), decision.comment(), Decider.api(caller()), null)
			.toView();
	}

	@Override
	public ApprovalView supersede(UUID approvalId, SupersedeRequest request) {
		return this.approvals.supersede(approvalId, request.reason(), caller()).toView();
	}

	/**
	 * The authenticated token holder. Whoever decided is recorded from here only, so it
	 * cannot be forged in the request body.
	 */
	private static String caller() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null) {
			// Unreachable behind the security rules; refusing beats recording an
			// anonymous decision.
			throw new IllegalStateException("A call reached the controller without an authenticated caller");
		}
		return authentication.getName();
	}

}
