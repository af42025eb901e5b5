package ai.kubernaut.notification.routing;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns {@link RoutingConfigurationException} into the short startup report Spring Boot
 * prints instead of a stack trace. Public only because Spring Boot instantiates it from
 * {@code META-INF/spring.factories}.
 */
public class RoutingConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<RoutingConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, RoutingConfigurationException cause) {
		return new FailureAnalysis(
				"The notification routing configuration has " + cause.problems().size() + " problem(s):\n - "
						+ String.join("\n - ", cause.problems()),
				"Fix kubernaut.notification.routing and kubernaut.notification.receivers (see docs/notification.md);"
						+ " every route must name a defined receiver and every receiver needs at least one valid channel.",
				cause);
	}

}
