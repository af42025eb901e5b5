package ai.kubernaut.contracts.approval;

import java.util.UUID;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * approval-service's API for approval requests and decisions.
 */
@HttpExchange(url = "/api/v1/approvals", accept = "application/json")
public interface ApprovalApi {

	@PostExchange(contentType = "application/json")
	ApprovalView create(@Valid @RequestBody CreateApprovalRequest request);

	@GetExchange("/{approvalId}")
	ApprovalView get(@PathVariable UUID approvalId);

	/**
	 * Records the caller's decision. A request that is already decided or expired answers
	 * 409.
	 */
	@PostExchange(url = "/{approvalId}/decision", contentType = "application/json")
	ApprovalView decide(@PathVariable UUID approvalId, @Valid @RequestBody DecisionRequest decision);

}
