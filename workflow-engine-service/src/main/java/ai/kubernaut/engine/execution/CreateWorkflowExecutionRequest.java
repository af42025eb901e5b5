package ai.kubernaut.engine.execution;

import java.util.Map;

import ai.kubernaut.contracts.signal.ResourceRef;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A workflow to run: a catalog workflow by id, or an inline definition.
 *
 * @param workflowId a workflow registered in data-storage's catalog with
 * {@code execution.engine: dag} or {@code job}
 * @param definition the workflow in any supported shape (native, recommendation list,
 * numbered step list)
 * @param parameters workflow parameters, read by {@code ${NAME}} references and by
 * actions; they override a catalog workflow's declared defaults
 * @param target the resource the workflow acts on; becomes {@code TARGET_RESOURCE_*}
 * @param dryRun record what each step would do without doing it
 */
public record CreateWorkflowExecutionRequest(@Size(max = 255) String workflowId, Map<String, Object> definition,
		Map<String, Object> parameters, @NotNull @Valid ResourceRef target, Boolean dryRun) {

	public CreateWorkflowExecutionRequest {
		parameters = (parameters != null) ? Map.copyOf(parameters) : Map.of();
		dryRun = Boolean.TRUE.equals(dryRun);
	}

	public CreateWorkflowExecutionRequest(Map<String, Object> definition, Map<String, Object> parameters,
			ResourceRef target, Boolean dryRun) {
		this(null, definition, parameters, target, dryRun);
	}

	/**
	 * Exactly one of {@code workflowId} and {@code definition}.
	 */
	@com.fasterxml.jackson.annotation.JsonIgnore
	@AssertTrue(
			message = "give either workflowId (a catalog workflow) or definition (inline), not both and not neither")
	boolean isWorkflowIdOrDefinition() {
		return (this.workflowId == null || this.workflowId.isBlank()) != (this.definition == null);
	}

}
