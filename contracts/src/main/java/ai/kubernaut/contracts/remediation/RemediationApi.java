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

}
