package ai.kubernaut.contracts.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A parameter a workflow declares ({@code spec.parameters[]} of a RemediationWorkflow).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkflowParameter(String name, String type, boolean required, String description, Object defaultValue) {
}
