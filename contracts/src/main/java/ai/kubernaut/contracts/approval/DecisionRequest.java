package ai.kubernaut.contracts.approval;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An approver's decision. Who decided is taken from the authenticated caller, never from
 * the body.
 */
public record DecisionRequest(@NotNull Decision decision, @Size(max = 2000) String comment) {
}
