package ai.kubernaut.engine.action;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Hard limits on what actions may do, whatever a workflow or route asks for
 * ({@code kubernaut.engine.limits.*}).
 *
 * @param maxReplicas the most replicas a scale action sets; default 20
 */
@Validated
@ConfigurationProperties("kubernaut.engine.limits")
public record LimitsProperties(@Min(1) @Max(10_000) Integer maxReplicas) {

	public LimitsProperties {
		maxReplicas = (maxReplicas != null) ? maxReplicas : 20;
	}

}
