package ai.kubernaut.engine.remediation;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How much the engine does at once ({@code kubernaut.engine.execution.*}).
 *
 * @param workers remediations processed concurrently; default 4
 * @param queueCapacity accepted remediations waiting for a worker; beyond that, new ones
 * are refused with 503; default 100
 * @param stepParallelism steps of one remediation run concurrently; default 4
 * @param retryAfter what a refused caller is told to wait; default 30 s
 * @param shutdownGrace how long shutdown waits for running and queued remediations;
 * default 30 s
 */
@Validated
@ConfigurationProperties("kubernaut.engine.execution")
record ExecutionProperties(@Min(1) @Max(256) Integer workers, @Min(0) @Max(100_000) Integer queueCapacity,
		@Min(1) @Max(64) Integer stepParallelism, Duration retryAfter, Duration shutdownGrace) {

	ExecutionProperties {
		workers = (workers != null) ? workers : 4;
		queueCapacity = (queueCapacity != null) ? queueCapacity : 100;
		stepParallelism = (stepParallelism != null) ? stepParallelism : 4;
		retryAfter = (retryAfter != null) ? retryAfter : Duration.ofSeconds(30);
		shutdownGrace = (shutdownGrace != null) ? shutdownGrace : Duration.ofSeconds(30);
	}

}
