package ai.kubernaut.datastorage.catalog.discovery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.kubernaut.contracts.audit.AuditEvent;
import ai.kubernaut.contracts.catalog.WorkflowDiscoveryResponse;
import ai.kubernaut.datastorage.catalog.CatalogAuditEvents;
import ai.kubernaut.support.audit.AuditTrail;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Records discovery queries in the audit trail ({@code workflow.catalog.*}), correlated
 * by the caller's {@code remediation_id}. A failure to record is logged and counted
 * ({@code kubernaut_catalog_audit_failures_total}) but never fails the query, as in
 * Kubernaut, where these events are written asynchronously.
 */
@Component
class DiscoveryAudit {

	private static final Logger log = LoggerFactory.getLogger(DiscoveryAudit.class);

	private final AuditTrail trail;

	private final Clock clock;

	private final Counter failures;

	DiscoveryAudit(AuditTrail trail, Clock clock, MeterRegistry registry) {
		this.trail = trail;
		this.clock = clock;
		this.failures = Counter.builder("kubernaut.catalog.audit.failures")
			.description("Discovery audit events that could not be recorded")
			.register(registry);
	}

	void actionsListed(String remediationId, DiscoveryContext context, ActionTypeListResponse response) {
		Map<String, Object> results = new LinkedHashMap<>();
		results.put("total_found", response.pagination().totalCount());
		results.put("returned", response.actionTypes().size());
		results.put("action_types", response.actionTypes().stream().map((entry) -> entry.actionType()).toList());
		record("workflow.catalog.actions_listed", "list_actions", remediationId, null,
				Map.of("query", query(null, context), "results", results));
	}

	void workflowsListed(String remediationId, String actionType, DiscoveryContext context,
			WorkflowDiscoveryResponse response) {
		List<Map<String, Object>> workflows = new ArrayList<>();
		for (int i = 0; i < response.workflows().size(); i++) {
			workflows.add(Map.of("workflow_id", response.workflows().get(i).workflowId(), "rank",
					response.pagination().offset() + i + 1));
		}
		Map<String, Object> results = new LinkedHashMap<>();
		results.put("total_found", response.pagination().totalCount());
		results.put("returned", workflows.size());
		results.put("workflows", workflows);
		record("workflow.catalog.workflows_listed", "list_workflows", remediationId, actionType,
				Map.of("query", query(actionType, context), "results", results));
	}

	/**
	 * Step 3: {@code workflow_retrieved}, and with context filters also
	 * {@code selection_validated} with the gate's verdict.
	 */
	void workflowRetrieved(String remediationId, String workflowId, DiscoveryContext context, boolean found) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("workflow_id", workflowId);
		data.put("found", found);
		record("workflow.catalog.workflow_retrieved", "get_workflow", remediationId, workflowId, data);
		if (context.hasContextFilters()) {
			Map<String, Object> validation = new LinkedHashMap<>();
			validation.put("workflow_id", workflowId);
			validation.put("valid", found);
			validation.put("query", query(null, context));
			record("workflow.catalog.selection_validated", "validate_selection", remediationId, workflowId, validation);
		}
	}

	private void record(String type, String action, String remediationId, String resourceId, Map<String, Object> data) {
		AuditEvent event = CatalogAuditEvents.event(type, "workflow", action, "success", remediationId, "data-storage",
				(resourceId != null) ? "workflow" : null, resourceId, null, this.clock.instant(), data);
		try {
			this.trail.record(event);
		}
		catch (RuntimeException ex) {
			this.failures.increment();
			log.warn("Could not record audit event {}: {}", type, ex.getMessage());
		}
	}

	private static Map<String, Object> query(String actionType, DiscoveryContext context) {
		Map<String, Object> filters = new LinkedHashMap<>();
		if (actionType != null) {
			filters.put("action_type", actionType);
		}
		context.labelFilters().forEach((label, value) -> {
			if (value != null) {
				filters.put(label, value);
			}
		});
		if (!context.customLabels().isEmpty()) {
			filters.put("custom_labels", context.customLabels());
		}
		if (!context.detectedLabels().isEmpty()) {
			Map<String, Object> detected = new LinkedHashMap<>();
			context.detectedLabels().flags().forEach((label) -> detected.put(label.key(), true));
			context.detectedLabels().values().forEach((label, value) -> detected.put(label.key(), value));
			filters.put("detected_labels", detected);
		}
		return Map.of("filters", filters);
	}

}
