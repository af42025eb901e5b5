package ai.kubernaut.gateway.prometheus;

import ai.kubernaut.gateway.intake.InvalidSignalException;
import ai.kubernaut.gateway.intake.SignalIntake;
import ai.kubernaut.gateway.intake.SignalMetrics;
import ai.kubernaut.gateway.intake.SignalResponse;
import ai.kubernaut.gateway.signal.NormalizedSignal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alertmanager's webhook receiver. A plain controller rather than an
 * {@code @HttpExchange} contract: the payload is Alertmanager's, not ours.
 */
@RestController
@Tag(name = "signals", description = "Alert intake")
class AlertmanagerWebhookController {

	private final AlertmanagerNormalizer normalizer = new AlertmanagerNormalizer();

	private final SignalIntake intake;

	private final SignalMetrics metrics;

	AlertmanagerWebhookController(SignalIntake intake, SignalMetrics metrics) {
		this.intake = intake;
		this.metrics = metrics;
	}

	@Operation(summary = "Receive an Alertmanager webhook notification (version 4)",
			description = "201 created; 200 rejected (unmanaged target) or ignored (resolved alert); 400 invalid "
					+ "payload or target not found; 413 body over the limit; 415 not JSON; 502/503 a dependency "
					+ "failed (Alertmanager retries 5xx). One alert per notification for now.")
	@PostMapping(path = "/api/v1/signals/prometheus", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<SignalResponse> receive(@RequestBody AlertmanagerPayload payload) {
		NormalizedSignal signal;
		try {
			this.normalizer.checkNotification(payload);
			signal = this.normalizer.normalize(payload, 0);
		}
		catch (InvalidSignalException ex) {
			this.metrics.invalid(AlertmanagerNormalizer.SOURCE);
			throw ex;
		}
		return SignalResponse.toHttp(this.intake.process(signal));
	}

}
