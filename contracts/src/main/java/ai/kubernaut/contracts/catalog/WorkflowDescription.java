package ai.kubernaut.contracts.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The structured description of a workflow or action type, with Kubernaut's camelCase
 * keys.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record WorkflowDescription(String what, String whenToUse, String whenNotToUse, String preconditions) {
}
