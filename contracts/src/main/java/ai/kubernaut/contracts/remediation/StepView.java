package ai.kubernaut.contracts.remediation;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One step of a running or finished remediation.
 *
 * @param output what the step reported, e.g. {@code previousReplicas}
 * @param error why the step failed, {@code null} unless {@code phase} is {@code FAILED}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StepView(String id, String action, StepPhase phase, Map<String, Object> parameters,
		Map<String, Object> output, String error, Instant startedAt, Instant finishedAt) {
}
