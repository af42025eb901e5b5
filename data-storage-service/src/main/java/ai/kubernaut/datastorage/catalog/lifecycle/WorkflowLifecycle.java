package ai.kubernaut.datastorage.catalog.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ai.kubernaut.datastorage.catalog.CatalogAuditEvents;
import ai.kubernaut.datastorage.catalog.CatalogWorkflow;
import ai.kubernaut.datastorage.catalog.WorkflowStatus;
import ai.kubernaut.support.audit.AuditTrail;
import ai.kubernaut.support.problem.ApiProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.support.TransactionOperations;

/**
 * Moves catalog rows through the operator's lifecycle ({@link LifecycleAction}), each
 * move in one transaction with its {@code datastorage.workflow.updated} audit event, so a
 * rolled-back move leaves no event behind. A move to the status the row already has
 * changes nothing and records nothing. Only the latest version of a name can be enabled:
 * an older version becoming Active would give the name two Active versions; registering
 * that content again is how an older version comes back.
 *
 * <p>
 * Counts moves as {@code kubernaut_catalog_lifecycle_total{action, outcome}} with outcome
 * {@code changed}, {@code unchanged}, {@code conflict} or {@code not-found}.
 */
class WorkflowLifecycle {

	private static final Logger log = LoggerFactory.getLogger(WorkflowLifecycle.class);

	private final LifecycleStore store;

	private final TransactionOperations transactions;

	private final Clock clock;

	private final AuditTrail audit;

	private final MeterRegistry meters;

	WorkflowLifecycle(LifecycleStore store, TransactionOperations transactions, Clock clock, AuditTrail audit,
			MeterRegistry meters) {
		this.store = store;
		this.transactions = transactions;
		this.clock = clock;
		this.audit = audit;
		this.meters = meters;
	}

	CatalogWorkflow apply(UUID workflowId, LifecycleAction action, String reason, String caller) {
		try {
			Moved moved = this.transactions.execute((status) -> move(workflowId, action, reason, caller));
			count(action, moved.changed() ? "changed" : "unchanged");
			if (moved.changed()) {
				log.info("Workflow {} ({} {}) {}d by {}: {}", workflowId, moved.workflow().workflowName(),
						moved.workflow().version(), action.segment(), caller, reason);
			}
			return moved.workflow();
		}
		catch (ApiProblemException ex) {
			count(action, (ex.status().value() == 404) ? "not-found" : "conflict");
			throw ex;
		}
	}

	private Moved move(UUID workflowId, LifecycleAction action, String reason, String caller) {
		CatalogWorkflow row = this.store.lock(workflowId)
			.orElseThrow(() -> new WorkflowNotFoundException(workflowId.toString()));
		WorkflowStatus from = row.workflowStatus();
		if (!action.allowedFrom(from)) {
			throw new WorkflowStatusConflictException(workflowId, row.status(), action,
					"a " + row.status() + " workflow keeps its status; register a new version instead.");
		}
		if (from == action.target()) {
			return new Moved(row, false);
		}
		if (action == LifecycleAction.ENABLE && !row.isLatestVersion()) {
			throw new WorkflowStatusConflictException(workflowId, row.status(), action,
					"it is not the latest version of " + row.workflowName()
							+ "; register this content again to make it the latest version.");
		}
		Instant now = this.clock.instant();
		switch (action) {
			case DISABLE -> this.store.disable(workflowId, reason, caller, now);
			case ENABLE -> this.store.enable(workflowId, reason, caller, now);
			case DEPRECATE -> this.store.deprecate(workflowId, reason, caller, now);
		}
		CatalogWorkflow moved = this.store.find(workflowId);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("workflow_id", workflowId.toString());
		data.put("workflow_name", moved.workflowName());
		data.put("version", moved.version());
		data.put("action_type", moved.actionType());
		data.put("previous_status", row.status());
		data.put("new_status", moved.status());
		data.put("reason", reason);
		data.put("updated_fields", List.of("status"));
		this.audit.record(CatalogAuditEvents.event("datastorage.workflow.updated", "workflow", action.segment(),
				"success", null, caller, "workflow", workflowId.toString(), moved.workflowName(), now, data));
		return new Moved(moved, true);
	}

	private void count(LifecycleAction action, String outcome) {
		Counter.builder("kubernaut.catalog.lifecycle")
			.description("Workflow lifecycle moves by action and outcome")
			.tag("action", action.segment())
			.tag("outcome", outcome)
			.register(this.meters)
			.increment();
	}

	private record Moved(CatalogWorkflow workflow, boolean changed) {
	}

}
