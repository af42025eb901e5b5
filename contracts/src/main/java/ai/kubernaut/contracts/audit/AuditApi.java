package ai.kubernaut.contracts.audit;

import java.util.List;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * data-storage's append-only audit trail, written by every service. Paths and field names
 * are Kubernaut's.
 */
@HttpExchange(url = "/api/v1/audit", accept = "application/json")
public interface AuditApi {

	/**
	 * Appends one event; answers 201 with its id and chain hashes.
	 */
	@PostExchange(url = "/events", contentType = "application/json")
	AuditEventAck record(@Valid @RequestBody AuditEvent event);

	/**
	 * Appends up to 500 events in one transaction, in order.
	 */
	@PostExchange(url = "/events/batch", contentType = "application/json")
	List<AuditEventAck> recordBatch(@Valid @RequestBody List<@Valid AuditEvent> events);

}
