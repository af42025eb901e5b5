package ai.kubernaut.contracts.remediation;

import java.util.UUID;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * The workflow engine's remediation API, called by the gateway.
 */
@HttpExchange(url = "/api/v1/remediations", accept = "application/json")
public interface RemediationApi {

	/**
	 * Accepts a remediation and starts it asynchronously. Returns once the remediation is
	 * persisted, in phase {@code PENDING} or later.
	 */
	@PostExchange(contentType = "application/json")
	RemediationView create(@Valid @RequestBody CreateRemediationRequest request);

	@GetExchange("/{remediationId}")
	RemediationView get(@PathVariable UUID remediationId);

	/**
	 * Stops a remediation that has not finished: a running workflow is cancelled (steps
	 * in flight finish, nothing new starts), a pending approval is withdrawn. Cancelling
	 * a cancelled remediation returns it unchanged.
	 * @return the remediation, {@code CANCELLED} Answers 409
	 * ({@code remediation-finished}) when it already completed, failed or was skipped,
	 * and 404 when it does not exist.
	 */
	@PostExchange(url = "/{remediationId}/cancel", contentType = "application/json")
	RemediationView cancel(@PathVariable UUID remediationId, @Valid @RequestBody CancelRemediationRequest request);

}
