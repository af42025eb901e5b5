package ai.kubernaut.engine.catalog;

import java.util.List;
import java.util.Map;

import ai.kubernaut.contracts.signal.ResourceRef;
import ai.kubernaut.contracts.signal.Signal;

/**
 * What the engine asks the catalog for: workflows of one action type whose mandatory
 * labels fit the incident, ranked with the target's custom and detected labels.
 */
public record WorkflowQuery(String actionType, String severity, String component, String environment, String priority,
		Map<String, List<String>> customLabels, Map<String, Object> detectedLabels) {

	public WorkflowQuery {
		customLabels = (customLabels != null) ? Map.copyOf(customLabels) : Map.of();
		detectedLabels = (detectedLabels != null) ? Map.copyOf(detectedLabels) : Map.of();
	}

	public WorkflowQuery(String actionType, String severity, String component, String environment, String priority) {
		this(actionType, severity, component, environment, priority, null, null);
	}

	public static WorkflowQuery of(String actionType, Signal signal, ResourceRef target,
			Map<String, List<String>> customLabels, Map<String, Object> detectedLabels) {
		return new WorkflowQuery(actionType, signal.severity(), Components.of(target.kind()), signal.environment(),
				signal.priority(), customLabels, detectedLabels);
	}

	/**
	 * The label filter, as an operator would compare it with a workflow's labels.
	 */
	public String describe() {
		return "severity=" + this.severity + ", component=" + this.component + ", environment=" + this.environment
				+ ", priority=" + this.priority
				+ (this.customLabels.isEmpty() ? "" : ", customLabels=" + this.customLabels)
				+ (this.detectedLabels.isEmpty() ? "" : ", detectedLabels=" + this.detectedLabels);
	}

}
