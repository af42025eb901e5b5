package ai.kubernaut.engine.routing;

import java.util.Map;

/**
 * Where a signal goes: the action type to remediate with and the parameters the route
 * adds.
 */
public record Route(String actionType, Map<String, String> parameters) {

	public Route {
		parameters = Map.copyOf(parameters);
	}

}
