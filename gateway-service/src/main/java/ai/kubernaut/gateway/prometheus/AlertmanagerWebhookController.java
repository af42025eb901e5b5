package ai.kubernaut.gateway.prometheus;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import ai.kubernaut.gateway.intake.BatchResponse;
import ai.kubernaut.gateway.intake.InvalidSignalException;
import ai.kubernaut.gateway.intake.SignalFreshness;
import ai.kubernaut.gateway.intake.SignalIntake;
import ai.kubernaut.gateway.intake.SignalMetrics;
import ai.kubernaut.gateway.intake.SignalResponse;
import ai.kubernaut.gateway.signal.NormalizedSignal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
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

	private final SignalFreshness freshness;

	private final SignalMetrics metrics;

	AlertmanagerWebhookController(SignalIntake intake, SignalFreshness freshness, SignalMetrics metrics) {
		this.intake = intake;
		this.freshness = freshness;
		this.metrics = metrics;
	}

	@Operation(summary = "Receive an Alertmanager webhook notification (version 4)",
			description = "One alert: 201 created, 202 duplicate, 200 rejected (unmanaged target) or ignored "
					+ "(resolved alert); 400 invalid payload, stale X-Timestamp or target not found; 413 body over "
					+ "the limit; 415 not JSON; 429 intake full; 502/503 a dependency failed (Alertmanager retries "
					+ "429 and 5xx). Several alerts: 207 with one result per alert and a summary.")
	@PostMapping(path = "/api/v1/signals/prometheus", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> receive(@RequestBody AlertmanagerPayload payload,
			@RequestHeader(name = SignalFreshness.TIMESTAMP_HEADER, required = false) String timestamp) {
		try {
			this.normalizer.checkNotification(payload);
			this.freshness.checkAlerts(timestamp,
					payload.alerts()
						.stream()
						.filter(Objects::nonNull)
						.map(AlertmanagerPayload.Alert::startsAt)
						.toList());
		}
		catch (InvalidSignalException ex) {
			this.metrics.invalid(AlertmanagerNormalizer.SOURCE);
			throw ex;
		}
		if (payload.alerts().size() == 1) {
			NormalizedSignal signal;
			try {
				signal = this.normalizer.normalize(payload, 0);
			}
			catch (InvalidSignalException ex) {
				this.metrics.invalid(AlertmanagerNormalizer.SOURCE);
				throw ex;
			}
			return SignalResponse.toHttp(this.intake.process(signal));
		}
		List<BatchResponse.Result> results = new ArrayList<>();
		for (int i = 0; i < payload.alerts().size(); i++) {
			try {
				NormalizedSignal signal = this.normalizer.normalize(payload, i);
				results.add(new BatchResponse.Result(i, signal.name(), SignalResponse.of(this.intake.process(signal)),
						null));
			}
			catch (InvalidSignalException ex) {
				this.metrics.invalid(AlertmanagerNormalizer.SOURCE);
				results.add(new BatchResponse.Result(i, null, new SignalResponse("invalid", null, null, null, null,
						null, null, null, null, "validation_error", null, null, ex.getMessage()), ex.getMessage()));
			}
		}
		return ResponseEntity.status(HttpStatus.MULTI_STATUS).body(BatchResponse.of(results));
	}

}
