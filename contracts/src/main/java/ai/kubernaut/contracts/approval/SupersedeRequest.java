package ai.kubernaut.contracts.approval;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The engine withdraws a pending approval request: the alert resolved or the plan
 * changed.
 */
public record SupersedeRequest(@NotBlank @Size(max = 2000) String reason) {
}
