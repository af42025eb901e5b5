package ai.kubernaut.engine.remediation;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Kubernaut's routing safety rules ({@code kubernaut.engine.safety.*}).
 *
 * @param cooldown after a workflow completed on a target, the same workflow on the same
 * target is skipped ({@code RecentlyRemediated}) for this long; default 5 min
 * @param backoffBase first wait after a failure before anything ran on the target;
 * doubled per further failure; default 60 s
 * @param backoffMax the longest backoff; default 600 s
 * @param backoffJitter relative random spread of each backoff, so retries of many targets
 * do not line up; default 0.1 (±10 %)
 * @param blockAfterFailures consecutive failures on a target that block it; default 3
 * @param blockFor how long such a target stays blocked; default 1 h
 */
@Validated
@ConfigurationProperties("kubernaut.engine.safety")
record SafetyProperties(Duration cooldown, Duration backoffBase, Duration backoffMax,
		@DecimalMin("0.0") @DecimalMax("0.5") Double backoffJitter, @Min(1) Integer blockAfterFailures,
		Duration blockFor) {

	SafetyProperties {
		cooldown = (cooldown != null) ? cooldown : Duration.ofMinutes(5);
		backoffBase = (backoffBase != null) ? backoffBase : Duration.ofSeconds(60);
		backoffMax = (backoffMax != null) ? backoffMax : Duration.ofSeconds(600);
		backoffJitter = (backoffJitter != null) ? backoffJitter : 0.1;
		blockAfterFailures = (blockAfterFailures != null) ? blockAfterFailures : 3;
		blockFor = (blockFor != null) ? blockFor : Duration.ofHours(1);
	}

	static SafetyProperties defaults() {
		return new SafetyProperties(null, null, null, null, null, null);
	}

}
