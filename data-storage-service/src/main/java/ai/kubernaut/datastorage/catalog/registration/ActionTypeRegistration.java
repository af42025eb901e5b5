package ai.kubernaut.datastorage.catalog.registration;

import java.time.Clock;
import java.time.Instant;

import java.util.Map;

import ai.kubernaut.contracts.catalog.WorkflowDescription;
import ai.kubernaut.datastorage.catalog.CatalogAuditEvents;
import ai.kubernaut.datastorage.catalog.WorkflowStatus;
import ai.kubernaut.datastorage.catalog.registration.RegistrationStore.ActionTypeRow;
import ai.kubernaut.support.audit.AuditTrail;

import org.springframework.transaction.support.TransactionOperations;

/**
 * Registers action types idempotently, as Kubernaut does: a new name is created, a known
 * one is left as it is (its description changes only through an explicit update), and a
 * Disabled one is enabled again.
 */
class ActionTypeRegistration {

	private final RegistrationStore store;

	private final TransactionOperations transactions;

	private final Clock clock;

	private final AuditTrail audit;

	ActionTypeRegistration(RegistrationStore store, TransactionOperations transactions, Clock clock, AuditTrail audit) {
		this.store = store;
		this.transactions = transactions;
		this.clock = clock;
		this.audit = audit;
	}

	ActionTypeRegistered register(ActionTypeManifest actionType, String registeredBy) {
		return this.transactions.execute((status) -> {
			Instant now = this.clock.instant();
			if (this.store.insertActionTypeIfAbsent(actionType, registeredBy, now)) {
				audit("datastorage.actiontype.created", "created", actionType.name(), registeredBy, now);
				return new ActionTypeRegistered(actionType.name(), actionType.description(), "created", false);
			}
			ActionTypeRow existing = this.store.findActionType(actionType.name()).orElseThrow();
			if (WorkflowStatus.DISABLED.value().equals(existing.status())) {
				this.store.reenableActionType(actionType.name(), now);
				audit("datastorage.actiontype.reenabled", "reenabled", actionType.name(), registeredBy, now);
				return new ActionTypeRegistered(existing.actionType(), existing.description(), "reenabled", true);
			}
			return new ActionTypeRegistered(existing.actionType(), existing.description(), "exists", false);
		});
	}

	private void audit(String type, String action, String actionType, String registeredBy, Instant now) {
		this.audit.record(CatalogAuditEvents.event(type, "actiontype", action, "success", null, registeredBy,
				"actiontype", actionType, actionType, now, Map.of("action_type", actionType)));
	}

	/**
	 * Kubernaut's answer to an action type registration.
	 *
	 * @param status {@code created}, {@code exists} or {@code reenabled}
	 */
	record ActionTypeRegistered(String actionType, WorkflowDescription description, String status,
			boolean wasReenabled) {

		boolean created() {
			return "created".equals(this.status);
		}

	}

}
