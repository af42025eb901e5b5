package ai.kubernaut.support.audit;

import java.net.URI;
import java.time.Duration;

import ai.kubernaut.support.client.ServiceEndpoint;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How audit events leave this service's {@code audit_outbox} for data-storage.
 *
 * @param dataStorage where data-storage's audit API is (default
 * {@code http://localhost:8081}) and the token this service presents
 * @param pollInterval how often the forwarder looks for events to send (default 1 s)
 * @param batchSize how many events one call carries, at most 500 (default 100)
 * @param maxBackoff the longest wait between retries while data-storage is unreachable
 * (default 5 min)
 */
@Validated
@ConfigurationProperties("kubernaut.audit")
public record AuditProperties(ServiceEndpoint dataStorage, Duration pollInterval, @Min(1) @Max(500) Integer batchSize,
		Duration maxBackoff) {

	public AuditProperties {
		dataStorage = (dataStorage != null) ? dataStorage
				: new ServiceEndpoint(URI.create("http://localhost:8081"), null, null, null);
		pollInterval = (pollInterval != null) ? pollInterval : Duration.ofSeconds(1);
		batchSize = (batchSize != null) ? batchSize : 100;
		maxBackoff = (maxBackoff != null) ? maxBackoff : Duration.ofMinutes(5);
	}

}
