package ai.kubernaut.datastorage.catalog.actiontype;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import ai.kubernaut.contracts.catalog.WorkflowDescription;
import ai.kubernaut.datastorage.catalog.CatalogAuditEvents;
import ai.kubernaut.datastorage.catalog.actiontype.ActionTypeStore.ActionTypeRow;
import ai.kubernaut.support.audit.AuditTrail;

import org.springframework.transaction.support.TransactionOperations;

/**
 * Disables action types and updates their descriptions, as Kubernaut does, each change in
 * one transaction with its audit event. An action type is disabled only while no Active
 * workflow uses it; a refusal is audited too ({@code disable_denied}), because an
 * operator trying to pull an action type in use is worth knowing about.
 */
class ActionTypeAdministration {

	private final ActionTypeStore store;

	private final TransactionOperations transactions;

	private final Clock clock;

	private final AuditTrail audit;

	ActionTypeAdministration(ActionTypeStore store, TransactionOperations transactions, Clock clock, AuditTrail audit) {
		this.store = store;
		this.transactions = transactions;
		this.clock = clock;
		this.audit = audit;
	}

	/**
	 * Disables the action type; disabling a Disabled one changes nothing.
	 * @throws ActionTypeInUseException while Active workflows use it
	 */
	ActionTypeDisabled disable(String actionType, String caller) {
		Denial denial = this.transactions.execute((status) -> {
			ActionTypeRow row = this.store.lock(actionType)
				.orElseThrow(() -> new ActionTypeNotFoundException(actionType));
			if (row.disabled()) {
				return null;
			}
			Instant now = this.clock.instant();
			List<String> dependents = this.store.activeWorkflowNames(actionType);
			if (!dependents.isEmpty()) {
				long count = this.store.activeWorkflowCount(actionType);
				audit("datastorage.actiontype.disable_denied", "disable", "failure", actionType, caller, now,
						Map.of("action_type", actionType, "dependent_workflow_count", count, "dependent_workflows",
								dependents));
				return new Denial(count, dependents);
			}
			this.store.disable(actionType, caller, now);
			audit("datastorage.actiontype.disabled", "disable", "success", actionType, caller, now,
					Map.of("action_type", actionType));
			return null;
		});
		if (denial != null) {
			throw new ActionTypeInUseException(actionType, denial.count(), denial.workflows());
		}
		return new ActionTypeDisabled(actionType, "Disabled");
	}

	long activeWorkflowCount(String actionType) {
		if (!this.store.exists(actionType)) {
			throw new ActionTypeNotFoundException(actionType);
		}
		return this.store.activeWorkflowCount(actionType);
	}

	/**
	 * Replaces the description of an enabled action type. Fields absent from the new
	 * description are cleared, as the description is one value.
	 */
	DescriptionUpdated updateDescription(String actionType, WorkflowDescription description, String caller) {
		require(description);
		return this.transactions.execute((status) -> {
			ActionTypeRow row = this.store.lock(actionType)
				.filter((existing) -> !existing.disabled())
				.orElseThrow(() -> new ActionTypeNotFoundException(actionType));
			List<String> updated = changedFields(row.description(), description);
			if (!updated.isEmpty()) {
				Instant now = this.clock.instant();
				this.store.updateDescription(actionType, description, now);
				Map<String, Object> data = new LinkedHashMap<>();
				data.put("action_type", actionType);
				data.put("updated_fields", updated);
				audit("datastorage.actiontype.updated", "update", "success", actionType, caller, now, data);
			}
			return new DescriptionUpdated(actionType, row.description(), description, updated);
		});
	}

	private static void require(WorkflowDescription description) {
		if (description == null) {
			throw new InvalidDescriptionException("description");
		}
		if (description.what() == null || description.what().isBlank()) {
			throw new InvalidDescriptionException("description.what");
		}
		if (description.whenToUse() == null || description.whenToUse().isBlank()) {
			throw new InvalidDescriptionException("description.whenToUse");
		}
	}

	private static List<String> changedFields(WorkflowDescription old, WorkflowDescription updated) {
		Map<String, Function<WorkflowDescription, String>> fields = new LinkedHashMap<>();
		fields.put("what", WorkflowDescription::what);
		fields.put("whenToUse", WorkflowDescription::whenToUse);
		fields.put("whenNotToUse", WorkflowDescription::whenNotToUse);
		fields.put("preconditions", WorkflowDescription::preconditions);
		List<String> changed = new ArrayList<>();
		fields.forEach((name, field) -> {
			if (!Objects.equals(field.apply(old), field.apply(updated))) {
				changed.add(name);
			}
		});
		return changed;
	}

	private void audit(String type, String action, String outcome, String actionType, String caller, Instant now,
			Map<String, Object> data) {
		this.audit.record(CatalogAuditEvents.event(type, "actiontype", action, outcome, null, caller, "actiontype",
				actionType, actionType, now, data));
	}

	private record Denial(long count, List<String> workflows) {
	}

	/**
	 * Kubernaut's answer to a disable.
	 */
	record ActionTypeDisabled(String actionType, String status) {
	}

	/**
	 * Kubernaut's answer to a description update.
	 *
	 * @param updatedFields the description fields that changed; empty when none did
	 */
	record DescriptionUpdated(String actionType, WorkflowDescription oldDescription, WorkflowDescription newDescription,
			List<String> updatedFields) {
	}

}
