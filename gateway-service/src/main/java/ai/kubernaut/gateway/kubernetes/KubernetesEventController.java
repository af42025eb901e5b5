package ai.kubernaut.gateway.kubernetes;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.kubernaut.contracts.signal.ResourceRef;
import ai.kubernaut.gateway.cluster.ClusterReader;
import ai.kubernaut.gateway.intake.InvalidSignalException;
import ai.kubernaut.gateway.intake.SignalFreshness;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Kubernetes Warning events as signals, as Kubernaut's event adapter reads them: the
 * {@code reason} names the signal, the involved object is the target candidate (resolved
 * to its top-level owner like an alert's), and the severity is {@code warning}.
 */
@RestController
@Tag(name = "signals", description = "Alert intake")
class KubernetesEventController {

	static final String SOURCE = "kubernetes-events";

	private final SignalIntake intake;

	private final SignalFreshness freshness;

	private final SignalMetrics metrics;

	KubernetesEventController(SignalIntake intake, SignalFreshness freshness, SignalMetrics metrics) {
		this.intake = intake;
		this.freshness = freshness;
		this.metrics = metrics;
	}

	@Operation(summary = "Receive a Kubernetes Warning event",
			description = "201 created, 202 duplicate, 200 rejected (unmanaged); 400 not a Warning event, a "
					+ "required field missing, a stale timestamp, or the involved object not found.")
	@PostMapping(path = "/api/v1/signals/kubernetes-event", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<SignalResponse> receive(@RequestBody KubernetesEventPayload event,
			@RequestHeader(name = SignalFreshness.TIMESTAMP_HEADER, required = false) String timestamp) {
		NormalizedSignal signal;
		try {
			signal = normalize(event);
			this.freshness.checkEvent(timestamp, "lastTimestamp", newest(event));
		}
		catch (InvalidSignalException ex) {
			this.metrics.invalid(SOURCE);
			throw ex;
		}
		return SignalResponse.toHttp(this.intake.process(signal));
	}

	static NormalizedSignal normalize(KubernetesEventPayload event) {
		if (event.type() == null || event.type().isBlank()) {
			throw new InvalidSignalException("type", "is required");
		}
		if (!"Warning".equalsIgnoreCase(event.type().trim())) {
			throw new InvalidSignalException("type", "must be Warning; '" + event.type() + "' events are not signals");
		}
		if (event.reason() == null || event.reason().isBlank()) {
			throw new InvalidSignalException("reason", "is required");
		}
		KubernetesEventPayload.InvolvedObject object = event.involvedObject();
		if (object == null) {
			throw new InvalidSignalException("involvedObject", "is required");
		}
		if (object.kind() == null || object.kind().isBlank()) {
			throw new InvalidSignalException("involvedObject.kind", "is required");
		}
		if (object.name() == null || object.name().isBlank()) {
			throw new InvalidSignalException("involvedObject.name", "is required");
		}
		String namespace = firstPresent(object.namespace(),
				(event.metadata() != null) ? event.metadata().namespace() : null, "default");
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("reason", event.reason().trim());
		labels.put("kind", object.kind().trim());
		labels.put("name", object.name().trim());
		labels.put("namespace", namespace);
		if (event.source() != null && event.source().component() != null) {
			labels.put("source_component", event.source().component());
		}
		Map<String, String> annotations = new LinkedHashMap<>();
		if (event.message() != null) {
			annotations.put("message", event.message());
		}
		if (event.count() != null) {
			annotations.put("count", event.count().toString());
		}
		return new NormalizedSignal(SOURCE, event.reason().trim(), "warning", namespace, null, labels, annotations,
				(event.firstTimestamp() != null) ? event.firstTimestamp() : newest(event), false,
				List.of(new ResourceRef(object.kind().trim(),
						ClusterReader.clusterScoped(object.kind().trim()) ? "" : namespace, object.name().trim())));
	}

	private static Instant newest(KubernetesEventPayload event) {
		Instant newest = null;
		for (Instant candidate : new Instant[] { event.lastTimestamp(), event.eventTime(), event.firstTimestamp() }) {
			if (candidate != null && (newest == null || candidate.isAfter(newest))) {
				newest = candidate;
			}
		}
		return newest;
	}

	private static String firstPresent(String... values) {
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				return value.trim();
			}
		}
		return null;
	}

}
