package ai.kubernaut.engine.routing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ai.kubernaut.contracts.signal.Signal;

/**
 * Chooses the action type for a signal from a fixed table keyed by alert name.
 */
public class SignalRouter {

	private final Map<String, Route> routes = new HashMap<>();

	/**
	 * @throws IllegalStateException if two rules name the same alert, since which one
	 * wins would be an accident of ordering
	 */
	public SignalRouter(List<RoutingProperties.Rule> rules) {
		for (RoutingProperties.Rule rule : rules) {
			Route previous = this.routes.put(rule.alertName(), new Route(rule.actionType(), rule.parameters()));
			if (previous != null) {
				throw new IllegalStateException("kubernaut.engine.routing.rules has two rules for alert '"
						+ rule.alertName() + "' (" + previous.actionType() + " and " + rule.actionType() + ")");
			}
		}
	}

	public Optional<Route> route(Signal signal) {
		return Optional.ofNullable(this.routes.get(signal.name()));
	}

}
