package ai.kubernaut.contracts.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One workflow in a discovery answer. Field names and omission rules are Kubernaut's
 * ({@code WorkflowDiscoveryEntry}): no score, labels or parameters are returned here.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record WorkflowDiscoveryEntry(String workflowId, String workflowName, String name,
		WorkflowDescription description, String version, String executionBundle, String executionEngine,
		String serviceAccountName) {
}
