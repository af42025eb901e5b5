package ai.kubernaut.contracts.approval;

import java.time.Duration;
import java.util.UUID;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * approval-service's API for approval requests and decisions.
 */
@HttpExchange(url = "/api/v1/approvals", accept = "application/json")
public interface ApprovalApi {

	/**
	 * Opens a request. The answer carries the one-click {@link ApprovalLinks}.
	 */
	@PostExchange(contentType = "application/json")
	ApprovalView create(@Valid @RequestBody CreateApprovalRequest request);

	@GetExchange("/{approvalId}")
	ApprovalView get(@PathVariable UUID approvalId);

	/**
	 * Requests matching every given filter, oldest first.
	 * @param state e.g. {@code PENDING}
	 * @param namespace the target's namespace
	 * @param olderThan only requests created at least this long ago (ISO-8601, e.g.
	 * {@code PT10M})
	 * @param limit at most this many (default 50, at most 500)
	 */
	@GetExchange
	ApprovalList list(@RequestParam(required = false) ApprovalState state,
			@RequestParam(required = false) String namespace, @RequestParam(required = false) Duration olderThan,
			@RequestParam(required = false) Integer limit);

	/**
	 * Records the caller's decision. A request that is already decided or expired answers
	 * 409.
	 */
	@PostExchange(url = "/{approvalId}/decision", contentType = "application/json")
	ApprovalView decide(@PathVariable UUID approvalId, @Valid @RequestBody DecisionRequest decision);

	/**
	 * Withdraws a pending request; one already final answers 409.
	 */
	@PostExchange(url = "/{approvalId}/supersede", contentType = "application/json")
	ApprovalView supersede(@PathVariable UUID approvalId, @Valid @RequestBody SupersedeRequest request);

}
