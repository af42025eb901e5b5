package ai.kubernaut.gateway.intake;

import ai.kubernaut.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;

/**
 * A dependency kept the gateway from handling a signal. Unavailability is a 503 so
 * Alertmanager retries; a refusal by the engine is a 502 carrying the engine's own
 * explanation.
 */
class SignalNotProcessedException extends ApiProblemException {

	SignalNotProcessedException(SignalOutcome.Failed failed) {
		super(status(failed.cause()), slug(failed.cause()), title(failed.cause()), failed.detail());
		with("service", service(failed.cause()));
		if (failed.upstreamStatus() != null) {
			with("upstreamStatus", failed.upstreamStatus());
		}
		if (failed.fingerprint() != null) {
			with("fingerprint", failed.fingerprint().value());
		}
	}

	private static HttpStatus status(SignalOutcome.Failed.Cause cause) {
		return (cause == SignalOutcome.Failed.Cause.ENGINE_REJECTED) ? HttpStatus.BAD_GATEWAY
				: HttpStatus.SERVICE_UNAVAILABLE;
	}

	private static String slug(SignalOutcome.Failed.Cause cause) {
		return (cause == SignalOutcome.Failed.Cause.ENGINE_REJECTED) ? "upstream-error" : "upstream-unavailable";
	}

	private static String title(SignalOutcome.Failed.Cause cause) {
		return (cause == SignalOutcome.Failed.Cause.ENGINE_REJECTED) ? "Upstream Error" : "Upstream Unavailable";
	}

	private static String service(SignalOutcome.Failed.Cause cause) {
		return switch (cause) {
			case ENGINE_UNAVAILABLE, ENGINE_REJECTED -> "workflow-engine";
			case CLUSTER_UNAVAILABLE -> "kubernetes-api";
			case SIGNAL_LOG_UNAVAILABLE -> "database";
		};
	}

}
