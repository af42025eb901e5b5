package ai.kubernaut.contracts.catalog;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A registered workflow in full, as the engine needs it to run one.
 *
 * @param labels the mandatory labels ({@code severity}, {@code environment},
 * {@code component} as lists, {@code priority} as a string, optional {@code cluster})
 * @param customLabels Kubernaut's list form: each key maps to its accepted values
 * @param content the YAML exactly as registered
 * @param contentHash the SHA-256 hex of {@code content}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkflowDefinition(String workflowId, String workflowName, String name, String version, String actionType,
		WorkflowDescription description, String executionEngine, String executionBundle, String serviceAccountName,
		List<WorkflowParameter> parameters, Map<String, Object> labels, Map<String, List<String>> customLabels,
		Map<String, Object> detectedLabels, String status, boolean isLatestVersion, String content,
		String contentHash) {
}
