package ai.kubernaut.notification.routing;

import java.util.List;

/**
 * The routing tree or a receiver is misconfigured. Raised at startup with every problem
 * found, so one restart shows them all instead of one per attempt.
 */
class RoutingConfigurationException extends IllegalStateException {

	private final List<String> problems;

	RoutingConfigurationException(List<String> problems) {
		super("Invalid notification routing configuration:\n - " + String.join("\n - ", problems));
		this.problems = List.copyOf(problems);
	}

	List<String> problems() {
		return this.problems;
	}

}
