package ai.kubernaut.gateway.intake;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the signal endpoints. Their body size limit is the shared
 * {@code kubernaut.http.max-request-size}, set to {@code 256KB} (as Kubernaut's gateway)
 * in {@code gateway-service.yml}.
 *
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
 * database, or from memory by a replica that saw the fingerprint within that time
 * ({@code 0s}: every duplicate asks the engine and takes the database lock)
 * @param cancelRetryInterval when a resolved alert's remediation cannot be cancelled
 * because the engine is unreachable, the first retry comes after this long (default 5 s,
 * also how often due retries are looked for); each further retry waits twice as long
 * @param cancelRetryMaxBackoff the longest wait between two retries (default 5 min)
 * @param cancelRetryFor how long a cancellation is retried before it is given up, logged
 * and audited as {@code gateway.remediation.cancel_failed} (default 1 h)
 * @param writeBehindInterval how often duplicates answered from memory (see
 * {@code phaseCheckInterval}) are written: their signal log rows, occurrence counts and
 * audit events (default 200 ms); a crash loses at most this much of them
 * @param writeBehindQueue signal log rows waiting for that write, at most (default
 * 20000); beyond it rows are written at once
 */
@Validated
@ConfigurationProperties("kubernaut.gateway.intake")
public record IntakeProperties(@Min(1) Integer maxConcurrentRequests, Duration queueWait, Duration maxSignalAge,
		Duration maxClockSkew, Duration phaseCheckInterval, Duration cancelRetryInterval,
		Duration cancelRetryMaxBackoff, Duration cancelRetryFor, Duration writeBehindInterval,
		@Min(1) Integer writeBehindQueue) {

	public IntakeProperties {
		maxConcurrentRequests = (maxConcurrentRequests != null) ? maxConcurrentRequests : 100;
		queueWait = (queueWait != null) ? queueWait : Duration.ZERO;
		maxSignalAge = (maxSignalAge != null) ? maxSignalAge : Duration.ofMinutes(5);
		maxClockSkew = (maxClockSkew != null) ? maxClockSkew : Duration.ofMinutes(2);
		phaseCheckInterval = (phaseCheckInterval != null) ? phaseCheckInterval : Duration.ofSeconds(5);
		cancelRetryInterval = (cancelRetryInterval != null) ? cancelRetryInterval : Duration.ofSeconds(5);
		cancelRetryMaxBackoff = (cancelRetryMaxBackoff != null) ? cancelRetryMaxBackoff : Duration.ofMinutes(5);
		cancelRetryFor = (cancelRetryFor != null) ? cancelRetryFor : Duration.ofHours(1);
		writeBehindInterval = (writeBehindInterval != null) ? writeBehindInterval : Duration.ofMillis(200);
		writeBehindQueue = (writeBehindQueue != null) ? writeBehindQueue : 20_000;
	}

}
