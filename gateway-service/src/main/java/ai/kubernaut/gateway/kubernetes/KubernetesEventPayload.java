package ai.kubernaut.gateway.kubernetes;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A core/v1 Event as an event forwarder posts it. Unknown members are ignored.
 *
 * @param type {@code Warning} (accepted) or {@code Normal} (refused)
 * @param reason e.g. {@code BackOff}, {@code FailedScheduling}; becomes the signal name
 * @param eventTime set by newer reporters instead of {@code lastTimestamp}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record KubernetesEventPayload(String type, String reason, String message, InvolvedObject involvedObject,
		Instant firstTimestamp, Instant lastTimestamp, Instant eventTime, Integer count, Source source,
		Metadata metadata) {

	@JsonIgnoreProperties(ignoreUnknown = true)
	record InvolvedObject(String kind, String namespace, String name, String uid, String apiVersion) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Source(String component, String host) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Metadata(String name, String namespace) {
	}

}
