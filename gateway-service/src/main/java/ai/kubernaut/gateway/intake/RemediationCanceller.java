package ai.kubernaut.gateway.intake;

import java.util.UUID;

import ai.kubernaut.contracts.remediation.CancelRemediationRequest;
import ai.kubernaut.contracts.remediation.RemediationApi;
import ai.kubernaut.support.problem.RemoteServiceException;

import org.springframework.web.client.RestClientException;

/**
 * Asks the engine to cancel a remediation and reads its answer as one of four results.
 * Never throws for an engine failure: an engine that is down or answers 5xx is
 * {@link Result#UNAVAILABLE}, so the caller can defer the cancellation instead of failing
 * the webhook.
 */
class RemediationCanceller {

	private final RemediationApi engine;

	RemediationCanceller(RemediationApi engine) {
		this.engine = engine;
	}

	Attempt cancel(UUID remediationId, String reason) {
		try {
			this.engine.cancel(remediationId, new CancelRemediationRequest(reason));
			return new Attempt(Result.CANCELLED, null);
		}
		catch (RemoteServiceException ex) {
			if (ex.status().value() == 409) {
				return new Attempt(Result.ALREADY_FINISHED, null);
			}
			if (ex.status().value() == 404) {
				return new Attempt(Result.UNKNOWN, null);
			}
			// Any other 4xx is a bug on one side; retrying later is as likely to help as
			// a 5xx and costs one request per interval.
			return new Attempt(Result.UNAVAILABLE, ex.getMessage());
		}
		catch (RestClientException ex) {
			return new Attempt(Result.UNAVAILABLE, ex.getMessage());
		}
	}

	enum Result {

		/** The engine stopped it (or it was already cancelled). */
		CANCELLED,
		/** It had completed, failed or been skipped before the alert resolved. */
		ALREADY_FINISHED,
		/** The engine does not know it, e.g. its data was reset. */
		UNKNOWN,
		/** The engine could not be asked; try again later. */
		UNAVAILABLE

	}

	/**
	 * @param error why the engine could not be asked, {@code null} unless
	 * {@link Result#UNAVAILABLE}
	 */
	record Attempt(Result result, String error) {
	}

}
