package ai.kubernaut.contracts.catalog;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One workflow in a discovery answer. Field names and omission rules are Kubernaut's
 * ({@code WorkflowDiscoveryEntry}): no labels or parameters are returned here, and no
 * score unless the caller asked for an explanation.
 *
 * @param score the final score ({@code 0.48..1.0}); only with {@code explain=true}
 * @param contributions the terms that make up {@code score}; only with
 * {@code explain=true}, empty when the score is the base 0.5
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkflowDiscoveryEntry(String workflowId, String workflowName, String name,
		WorkflowDescription description, String version,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) String executionBundle,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) String executionEngine,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) String serviceAccountName, BigDecimal score,
		List<ScoreContribution> contributions) {

	/**
	 * An entry without explanation, Kubernaut's shape.
	 */
	public WorkflowDiscoveryEntry(String workflowId, String workflowName, String name, WorkflowDescription description,
			String version, String executionBundle, String executionEngine, String serviceAccountName) {
		this(workflowId, workflowName, name, description, version, executionBundle, executionEngine, serviceAccountName,
				null, null);
	}

}
