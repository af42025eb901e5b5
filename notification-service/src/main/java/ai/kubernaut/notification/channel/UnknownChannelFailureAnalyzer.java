package ai.kubernaut.notification.channel;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns {@link UnknownChannelException} into the short startup report Spring Boot prints
 * instead of a stack trace. Public only because Spring Boot instantiates it from
 * {@code META-INF/spring.factories}.
 */
public class UnknownChannelFailureAnalyzer extends AbstractFailureAnalyzer<UnknownChannelException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnknownChannelException cause) {
		return new FailureAnalysis(
				"kubernaut.notification.channels names " + cause.unknown()
						+ ", but no such notification channel exists.",
				"Use only available channels " + cause.available()
						+ " in kubernaut.notification.channels (env KUBERNAUT_NOTIFICATION_CHANNELS_0, ...).",
				cause);
	}

}
