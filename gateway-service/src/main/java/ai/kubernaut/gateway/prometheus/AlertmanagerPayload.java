package ai.kubernaut.gateway.prometheus;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Alertmanager's webhook body, version 4. Unknown members are ignored, since Alertmanager
 * adds fields over releases.
 *
 * @param truncatedAlerts how many alerts Alertmanager left out because of the receiver's
 * {@code max_alerts}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record AlertmanagerPayload(String version, String groupKey, Integer truncatedAlerts, String status, String receiver,
		Map<String, String> groupLabels, Map<String, String> commonLabels, Map<String, String> commonAnnotations,
		@JsonProperty("externalURL") String externalUrl, List<Alert> alerts) {

	/**
	 * One alert of the notification.
	 *
	 * @param status {@code firing} or {@code resolved}
	 * @param endsAt Alertmanager sends {@code 0001-01-01T00:00:00Z} for "not yet"
	 * @param fingerprint Alertmanager's own fingerprint of the label set, unrelated to
	 * Kubernaut's
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Alert(String status, Map<String, String> labels, Map<String, String> annotations, Instant startsAt,
			Instant endsAt, @JsonProperty("generatorURL") String generatorUrl, String fingerprint) {
	}

}
