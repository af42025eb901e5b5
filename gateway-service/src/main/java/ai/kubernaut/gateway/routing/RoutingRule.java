package ai.kubernaut.gateway.routing;

import java.util.Map;
import java.util.Set;

import ai.kubernaut.contracts.remediation.RemediationRoute;
import ai.kubernaut.gateway.cel.CelExpression;
import ai.kubernaut.gateway.classify.SignalContext;
import ai.kubernaut.gateway.signal.NormalizedSignal;

/**
 * One rule of the routing file: which signals it takes and where it sends them.
 *
 * @param name unique, reported in the route so the choice can be traced
 * @param alerts alert names it applies to; empty means any
 * @param labels alert labels that must all be present with these values
 * @param when an optional CEL condition over the signal's context
 * @param actionType the catalog action type; {@code null} when {@code manualReview}
 * @param parameters parameters handed to the workflow
 * @param manualReview no automatic action: notify a person
 * @param reason why, in words an on-call engineer can check
 */
record RoutingRule(String name, Set<String> alerts, Map<String, String> labels, CelExpression when, String actionType,
		Map<String, String> parameters, boolean manualReview, String reason) {

	RoutingRule {
		alerts = Set.copyOf(alerts);
		labels = Map.copyOf(labels);
		parameters = Map.copyOf(parameters);
		if (manualReview == (actionType != null)) {
			throw new IllegalArgumentException(
					"Routing rule " + name + " must give either an actionType or manualReview: true");
		}
	}

	boolean matches(NormalizedSignal signal, SignalContext context) {
		if (!this.alerts.isEmpty() && !this.alerts.contains(signal.name())) {
			return false;
		}
		for (Map.Entry<String, String> label : this.labels.entrySet()) {
			if (!label.getValue().equals(signal.labels().get(label.getKey()))) {
				return false;
			}
		}
		return this.when == null || Boolean.TRUE.equals(this.when.evaluate(context.celVariables()));
	}

	RemediationRoute route() {
		return new RemediationRoute(this.actionType, this.parameters, this.name, this.manualReview, this.reason);
	}

}
