package ai.kubernaut.engine.catalog;

import ai.kubernaut.contracts.signal.ResourceRef;
import ai.kubernaut.contracts.signal.Signal;

/**
 * What the engine asks the catalog for: workflows of one action type whose mandatory
 * labels fit the incident.
 */
public record WorkflowQuery(String actionType, String severity, String component, String environment, String priority) {

	public static WorkflowQuery of(String actionType, Signal signal, ResourceRef target) {
		return new WorkflowQuery(actionType, signal.severity(), Components.of(target.kind()), signal.environment(),
				signal.priority());
	}

	/**
	 * The label filter, as an operator would compare it with a workflow's labels.
	 */
	public String describe() {
		return "severity=" + this.severity + ", component=" + this.component + ", environment=" + this.environment
				+ ", priority=" + this.priority;
	}

}
