package ai.kubernaut.gateway.intake;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the signal endpoints.
 *
 * @param maxPayloadSize the largest accepted request body (default {@code 256KB}, as
 * Kubernaut's gateway); larger ones get 413
 * @param maxConcurrentRequests signal requests processed at once (default 100, as
 * Kubernaut); more get 429 with {@code Retry-After}, which Alertmanager retries
 * @param queueWait how long a request over the limit waits for a slot before the 429
 * (default 0: answer at once)
 * @param maxSignalAge how old an {@code X-Timestamp} (or a Kubernetes event's last
 * timestamp) may be (default 5 min)
 * @param maxClockSkew how far in the future an {@code X-Timestamp}, an alert's
 * {@code startsAt} or an event timestamp may be (default 2 min)
 * @param phaseCheckInterval how often, per fingerprint, the engine is asked whether the
 * standing remediation ended (default 5 s); duplicates in between are answered from the
 * database
 */
@Validated
@ConfigurationProperties("kubernaut.gateway.intake")
public record IntakeProperties(DataSize maxPayloadSize, @Min(1) Integer maxConcurrentRequests, Duration queueWait,
		Duration maxSignalAge, Duration maxClockSkew, Duration phaseCheckInterval) {

	public IntakeProperties {
		maxPayloadSize = (maxPayloadSize != null) ? maxPayloadSize : DataSize.ofKilobytes(256);
		maxConcurrentRequests = (maxConcurrentRequests != null) ? maxConcurrentRequests : 100;
		queueWait = (queueWait != null) ? queueWait : Duration.ZERO;
		maxSignalAge = (maxSignalAge != null) ? maxSignalAge : Duration.ofMinutes(5);
		maxClockSkew = (maxClockSkew != null) ? maxClockSkew : Duration.ofMinutes(2);
		phaseCheckInterval = (phaseCheckInterval != null) ? phaseCheckInterval : Duration.ofSeconds(5);
	}

}
