package ai.kubernaut.engine.remediation;

import java.time.Duration;

import ai.kubernaut.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;

/**
 * Every worker is busy and the queue is full. Nothing was stored; the caller should retry
 * after {@link #retryAfter}.
 */
class EngineBusyException extends ApiProblemException {

	private final Duration retryAfter;

	EngineBusyException(Duration retryAfter) {
		super(HttpStatus.SERVICE_UNAVAILABLE, "engine-busy", "Engine Busy",
				"The workflow engine is processing as many remediations as it can queue; nothing was stored, retry in "
						+ retryAfter.toSeconds() + " s");
		this.retryAfter = retryAfter;
		with("retryAfterSeconds", retryAfter.toSeconds());
	}

	Duration retryAfter() {
		return this.retryAfter;
	}

}
