package ai.kubernaut.datastorage.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import ai.kubernaut.contracts.catalog.WorkflowDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

/**
 * One row of the workflow catalog, with Kubernaut's {@code RemediationWorkflow} field
 * names: what registration answers and what the operator API shows.
 *
 * @param parameters wrapped as Kubernaut returns them: {@code {"schema": {"parameters":
 * [...]}}}
 * @param labels the mandatory labels: {@code severity}, {@code environment},
 * {@code component} as lists, {@code priority} as a string, optional {@code cluster} list
 * @param customLabels {@code map<string, string[]>}
 * @param detectedLabels sparse: only true booleans and non-empty strings
 * @param engineConfig ansible settings, or the {@code steps} of a {@code dag} workflow;
 * {@code null} otherwise
 * @param executionBundleDigest the bundle digest without its {@code sha256:} prefix
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CatalogWorkflow(UUID workflowId, String workflowName, String version, String schemaVersion, String name,
		WorkflowDescription description, String owner, String maintainer, String content, String contentHash,
		String actionType, JsonNode parameters, String executionEngine, String schemaImage, String schemaDigest,
		String executionBundle, String executionBundleDigest, JsonNode engineConfig, String serviceAccountName,
		JsonNode labels, JsonNode customLabels, JsonNode detectedLabels, String status, String statusReason,
		Instant disabledAt, String disabledBy, String disabledReason,
		@JsonProperty("isLatestVersion") boolean isLatestVersion, String previousVersion, String deprecationNotice,
		String versionNotes, String changeSummary, String approvedBy, Instant approvedAt,
		BigDecimal expectedSuccessRate, Integer expectedDurationSeconds, Instant createdAt, Instant updatedAt,
		String createdBy, String updatedBy) {

	/**
	 * The declared parameters without Kubernaut's {@code schema} wrapper.
	 */
	public JsonNode parameterList() {
		return this.parameters.path("schema").path("parameters");
	}

	public WorkflowStatus workflowStatus() {
		return WorkflowStatus.of(this.status);
	}

}
