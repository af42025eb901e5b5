package ai.kubernaut.contracts.remediation;

import java.util.List;
import java.util.Map;

import ai.kubernaut.contracts.signal.ResourceRef;
import ai.kubernaut.contracts.signal.Signal;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Asks the engine to remediate a signal about one workload.
 *
 * @param fingerprint the gateway's fingerprint of the owner-resolved target
 * @param signal the normalised alert
 * @param target the top-level owner of the alerting object (a Deployment rather than its
 * Pod)
 * @param route the gateway's routing decision; {@code null} lets the engine apply its own
 * fallback routing
 * @param customLabels labels from the target's context (namespace labels
 * {@code kubernaut.ai/label-<key>} and configured mappings), Kubernaut's list form,
 * passed to the catalog query
 * @param detectedLabels facts detected in the cluster ({@code gitOpsManaged},
 * {@code pdbProtected}, ...), passed to the catalog query
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CreateRemediationRequest(@NotBlank String fingerprint, @NotNull @Valid Signal signal,
		@NotNull @Valid ResourceRef target, RemediationRoute route, Map<String, List<String>> customLabels,
		Map<String, Object> detectedLabels) {

	public CreateRemediationRequest {
		customLabels = (customLabels != null) ? Map.copyOf(customLabels) : Map.of();
		detectedLabels = (detectedLabels != null) ? Map.copyOf(detectedLabels) : Map.of();
	}

	/**
	 * A request without routing or context labels.
	 */
	public CreateRemediationRequest(String fingerprint, Signal signal, ResourceRef target) {
		this(fingerprint, signal, target, null, null, null);
	}

}
