package ai.kubernaut.contracts.audit;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * Reading and verifying data-storage's audit trail (Kubernaut's paths and parameters).
 */
@HttpExchange(url = "/api/v1/audit", accept = "application/json")
public interface AuditQueryApi {

	/**
	 * Events matching every given filter, newest first.
	 * @param since a duration back from now ({@code 24h}, {@code 30m}, {@code 7d}) or an
	 * RFC 3339 instant
	 * @param until an RFC 3339 instant
	 * @param limit 1..1000, default 50
	 * @param detailKey with {@code detailValue}: events whose {@code event_data} has that
	 * key with that (text) value
	 */
	@GetExchange("/events")
	AuditEventPage queryEvents(@RequestParam(name = "event_type", required = false) String eventType,
			@RequestParam(name = "event_category", required = false) String eventCategory,
			@RequestParam(name = "event_outcome", required = false) String eventOutcome,
			@RequestParam(required = false) String severity,
			@RequestParam(name = "correlation_id", required = false) String correlationId,
			@RequestParam(required = false) String since, @RequestParam(required = false) String until,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset,
			@RequestParam(name = "detail_key", required = false) String detailKey,
			@RequestParam(name = "detail_value", required = false) String detailValue);

	/**
	 * Recomputes the hash chain of one correlation id, or of all when the body has none.
	 */
	@PostExchange(url = "/verify-chain", contentType = "application/json")
	ChainVerification verifyChain(@RequestBody ChainVerificationRequest request);

}
