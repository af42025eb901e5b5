package ai.kubernaut.gateway.intake;

import java.time.Instant;
import java.util.UUID;

import ai.kubernaut.contracts.signal.ResourceRef;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The answer to a signal that was handled: {@code created} (201), {@code duplicate}
 * (202), or {@code rejected} or {@code ignored} (200, so Alertmanager does not resend
 * what will never be acted on). Outcomes that are errors are answered with a problem
 * document instead; see {@link #toHttp}.
 *
 * @param status {@code created}, {@code duplicate}, {@code rejected} or {@code ignored}
 * @param duplicate whether the signal joined a remediation in progress (Kubernaut's
 * field), set for created and duplicate
 * @param actionType the routed action type, {@code null} for manual review or when not
 * created
 * @param reason why it was ignored, e.g. {@code resolved}
 * @param rejection why it was rejected, shaped as Kubernaut's gateway answers it
 * @param metadata occurrences of a duplicate
 * @param resolution for a resolved alert, what became of the remediation standing for its
 * fingerprint: {@code resolved-cancelled}, {@code resolved-already-finished},
 * {@code resolved-no-remediation} or {@code resolved-cancel-pending} (the engine was
 * unreachable; the gateway retries the cancellation)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SignalResponse(String status, Boolean duplicate, String fingerprint, UUID remediationId,
		ResourceRef target, String environment, String priority, String actionType, Boolean manualReview, String reason,
		Rejection rejection, Metadata metadata, String message, String resolution) {

	public SignalResponse(String status, Boolean duplicate, String fingerprint, UUID remediationId, ResourceRef target,
			String environment, String priority, String actionType, Boolean manualReview, String reason,
			Rejection rejection, Metadata metadata, String message) {
		this(status, duplicate, fingerprint, remediationId, target, environment, priority, actionType, manualReview,
				reason, rejection, metadata, message, null);
	}

	/**
	 * @param reason e.g. {@code unmanaged_resource}
	 */
	public record Rejection(String reason, String message) {
	}

	/**
	 * @param count occurrences of the fingerprint while this remediation stands, the
	 * first included
	 */
	public record Metadata(long count, Instant firstOccurrence, Instant lastOccurrence) {
	}

	/**
	 * The HTTP answer to one signal.
	 * @throws TargetNotFoundException (400) when none of the alert's objects exists
	 * @throws SignalNotProcessedException (502/503) when a dependency failed
	 */
	public static ResponseEntity<SignalResponse> toHttp(SignalOutcome outcome) {
		return switch (outcome) {
			case SignalOutcome.Created created -> ResponseEntity.status(HttpStatus.CREATED).body(of(created));
			case SignalOutcome.Duplicate duplicate -> ResponseEntity.status(HttpStatus.ACCEPTED).body(of(duplicate));
			case SignalOutcome.Ignored ignored -> ResponseEntity.ok(of(ignored));
			case SignalOutcome.Resolved resolved -> ResponseEntity.ok(of(resolved));
			case SignalOutcome.Unmanaged unmanaged -> ResponseEntity.ok(of(unmanaged));
			case SignalOutcome.NoTarget noTarget -> throw new TargetNotFoundException(noTarget);
			case SignalOutcome.Failed failed -> throw new SignalNotProcessedException(failed);
		};
	}

	/**
	 * The body for one outcome; for error outcomes, a body carrying the reason and detail
	 * (used per alert in a multi-status answer).
	 */
	public static SignalResponse of(SignalOutcome outcome) {
		return switch (outcome) {
			case SignalOutcome.Created created -> new SignalResponse(created.status().code(), false,
					created.fingerprint().value(), created.remediationId(), created.target(),
					created.classification().environment(), created.classification().priority(),
					(created.route() != null) ? created.route().actionType() : null,
					(created.route() != null) ? created.route().manualReview() : null, null, null, null, null);
			case SignalOutcome.Duplicate duplicate ->
				new SignalResponse(duplicate.status().code(), true, duplicate.fingerprint().value(),
						duplicate.remediationId(), duplicate.target(), null, null, null, null, null, null,
						new Metadata(duplicate.count(), duplicate.firstOccurrence(), duplicate.lastOccurrence()), null);
			case SignalOutcome.Ignored ignored -> new SignalResponse(ignored.status().code(), null,
					(ignored.fingerprint() != null) ? ignored.fingerprint().value() : null, null, ignored.target(),
					null, null, null, null, ignored.reason(), null, null, ignored.detail());
			case SignalOutcome.Resolved resolved -> new SignalResponse(resolved.status().code(), null,
					resolved.fingerprint().value(), resolved.remediationId(), resolved.target(), null, null, null, null,
					resolved.reason(), null, null, resolved.detail(), resolved.resolution().code());
			case SignalOutcome.Unmanaged unmanaged -> new SignalResponse(unmanaged.status().code(), null,
					unmanaged.fingerprint().value(), null, unmanaged.target(), null, null, null, null, null,
					new Rejection(unmanaged.reason(), unmanaged.detail()), null, null);
			case SignalOutcome.NoTarget noTarget -> new SignalResponse(noTarget.status().code(), null, null, null, null,
					null, null, null, null, null, new Rejection(noTarget.reason(), noTarget.detail()), null, null);
			case SignalOutcome.Failed failed -> new SignalResponse(failed.status().code(), null,
					(failed.fingerprint() != null) ? failed.fingerprint().value() : null, null, failed.target(), null,
					null, null, null, failed.reason(), null, null, failed.detail());
		};
	}

}
