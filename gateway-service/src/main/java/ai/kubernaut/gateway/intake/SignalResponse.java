package ai.kubernaut.gateway.intake;

import java.util.UUID;

import ai.kubernaut.contracts.signal.ResourceRef;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The answer to a signal that was handled: {@code created} (201), or {@code rejected} or
 * {@code ignored} (200, so Alertmanager does not resend what will never be acted on).
 * Outcomes that are errors are answered with a problem document instead; see
 * {@link #toHttp}.
 *
 * @param status {@code created}, {@code rejected} or {@code ignored}
 * @param reason why it was ignored, e.g. {@code resolved}
 * @param rejection why it was rejected, shaped as Kubernaut's gateway answers it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SignalResponse(String status, String fingerprint, UUID remediationId, ResourceRef target,
		String environment, String priority, String reason, Rejection rejection, String message) {

	/**
	 * @param reason e.g. {@code unmanaged_resource}
	 */
	public record Rejection(String reason, String message) {
	}

	/**
	 * The HTTP answer to one signal.
	 * @throws TargetNotFoundException (400) when none of the alert's objects exists
	 * @throws SignalNotProcessedException (502/503) when a dependency failed
	 */
	public static ResponseEntity<SignalResponse> toHttp(SignalOutcome outcome) {
		return switch (outcome) {
			case SignalOutcome.Created created -> ResponseEntity.status(HttpStatus.CREATED)
				.body(new SignalResponse(created.status().code(), created.fingerprint().value(),
						created.remediationId(), created.target(), created.classification().environment(),
						created.classification().priority(), null, null, null));
			case SignalOutcome.Ignored ignored -> ResponseEntity.ok(new SignalResponse(ignored.status().code(), null,
					null, null, null, null, ignored.reason(), null, ignored.detail()));
			case SignalOutcome.Unmanaged unmanaged -> ResponseEntity.ok(new SignalResponse(unmanaged.status().code(),
					unmanaged.fingerprint().value(), null, unmanaged.target(), null, null, null,
					new Rejection(unmanaged.reason(), unmanaged.detail()), null));
			case SignalOutcome.NoTarget noTarget -> throw new TargetNotFoundException(noTarget);
			case SignalOutcome.Failed failed -> throw new SignalNotProcessedException(failed);
		};
	}

}
