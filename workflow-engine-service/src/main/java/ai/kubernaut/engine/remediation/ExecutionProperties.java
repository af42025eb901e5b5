package ai.kubernaut.engine.remediation;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How much the engine takes on at once ({@code kubernaut.engine.execution.*}).
 *
 * @param workers remediations being admitted and started concurrently (the workflow steps
 * themselves run on the execution workers); default 4
 * @param queueCapacity accepted remediations waiting for a worker; beyond that, new ones
 * are refused with 503; default 100
 * @param retryAfter what a refused caller is told to wait; default 30 s
 * @param shutdownGrace how long shutdown waits for queued remediations; default 30 s
 * @param sweepInterval how often the sweeper looks for pending remediations nobody picked
 * up and for execution ends not yet applied; default 2 s
 * @param pendingGrace how long a remediation may stay pending before the sweeper starts
 * it; default 30 s
 */
@Validated
@ConfigurationProperties("kubernaut.engine.execution")
record ExecutionProperties(@Min(1) @Max(256) Integer workers, @Min(0) @Max(100_000) Integer queueCapacity,
		Duration retryAfter, Duration shutdownGrace, Duration sweepInterval, Duration pendingGrace) {

	ExecutionProperties {
		workers = (workers != null) ? workers : 4;
		queueCapacity = (queueCapacity != null) ? queueCapacity : 100;
		retryAfter = (retryAfter != null) ? retryAfter : Duration.ofSeconds(30);
		shutdownGrace = (shutdownGrace != null) ? shutdownGrace : Duration.ofSeconds(30);
		sweepInterval = (sweepInterval != null) ? sweepInterval : Duration.ofSeconds(2);
		pendingGrace = (pendingGrace != null) ? pendingGrace : Duration.ofSeconds(30);
	}

}
