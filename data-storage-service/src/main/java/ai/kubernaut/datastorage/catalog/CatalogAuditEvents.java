package ai.kubernaut.datastorage.catalog;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import ai.kubernaut.contracts.audit.AuditEvent;

/**
 * The audit events the catalog emits, with Kubernaut's event types.
 */
public final class CatalogAuditEvents {

	private static final String VERSION = "1.0";

	private CatalogAuditEvents() {
	}

	/**
	 * An event of the catalog.
	 * @param correlationId the remediation the event belongs to; {@code null} gives the
	 * event a chain of its own, so unrelated queries never contend for one chain
	 */
	public static AuditEvent event(String eventType, String category, String action, String outcome,
			String correlationId, String actorId, String resourceType, String resourceId, String resourceName,
			Instant timestamp, Map<String, Object> data) {
		String correlation = (correlationId != null && !correlationId.isBlank()) ? correlationId
				: eventType + ":" + UUID.randomUUID();
		return new AuditEvent(VERSION, eventType, timestamp, category, action, outcome, correlation, "service", actorId,
				resourceType, resourceId, resourceName, null, null, null, null, null, data);
	}

}
