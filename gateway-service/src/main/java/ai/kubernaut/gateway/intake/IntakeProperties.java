package ai.kubernaut.gateway.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the signal endpoints.
 *
 * @param maxPayloadSize the largest accepted request body (default {@code 256KB}, as
 * Kubernaut's gateway); larger ones get 413
 */
@ConfigurationProperties("kubernaut.gateway.intake")
record IntakeProperties(DataSize maxPayloadSize) {

	IntakeProperties {
		maxPayloadSize = (maxPayloadSize != null) ? maxPayloadSize : DataSize.ofKilobytes(256);
	}

}
