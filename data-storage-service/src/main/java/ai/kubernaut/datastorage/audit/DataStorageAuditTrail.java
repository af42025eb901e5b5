package ai.kubernaut.datastorage.audit;

import java.time.Clock;

import ai.kubernaut.contracts.audit.AuditEvent;
import ai.kubernaut.support.audit.AuditTrail;

/**
 * data-storage owns the audit trail, so it records its own events straight into
 * {@code audit_events}, in the caller's transaction when there is one: an event is never
 * recorded for a change that was rolled back.
 */
class DataStorageAuditTrail implements AuditTrail {

	/** The recorded sender of data-storage's own events. */
	static final String SELF = "data-storage";

	private final AuditStore store;

	private final Clock clock;

	DataStorageAuditTrail(AuditStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	@Override
	public void record(AuditEvent event) {
		this.store.append(event, SELF, this.clock.instant());
	}

}
