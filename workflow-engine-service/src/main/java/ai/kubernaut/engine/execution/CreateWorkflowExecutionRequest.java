package ai.kubernaut.engine.execution;

import java.util.Map;

import ai.kubernaut.contracts.signal.ResourceRef;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * A workflow to run.
 *
 * @param definition the workflow in any supported shape (native, recommendation list,
 * numbered step list)
 * @param parameters workflow parameters, read by {@code ${NAME}} references and by
 * actions
 * @param target the resource the workflow acts on; becomes {@code TARGET_RESOURCE_*}
 * @param dryRun record what each step would do without doing it
 */
public record CreateWorkflowExecutionRequest(@NotNull Map<String, Object> definition, Map<String, Object> parameters,
		@NotNull @Valid ResourceRef target, Boolean dryRun) {

	public CreateWorkflowExecutionRequest {
		parameters = (parameters != null) ? Map.copyOf(parameters) : Map.of();
		dryRun = Boolean.TRUE.equals(dryRun);
	}

}
