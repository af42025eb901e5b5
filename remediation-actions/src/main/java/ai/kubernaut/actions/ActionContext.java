package ai.kubernaut.actions;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What an action gets to work with.
 *
 * @param remediationId the remediation the step belongs to
 * @param stepId the step being run
 * @param parameters the step's parameters: workflow defaults, route parameters and
 * {@code TARGET_RESOURCE_*}
 * @param startedAt when the attempt first started, or {@code null}; lets a re-driven
 * attempt continue rather than start over
 */
public record ActionContext(UUID remediationId, String stepId, Map<String, Object> parameters, Instant startedAt) {

	public ActionContext {
		parameters = Map.copyOf(parameters);
	}

	public ActionContext(UUID remediationId, String stepId, Map<String, Object> parameters) {
		this(remediationId, stepId, parameters, null);
	}

	/**
	 * The parameter as text.
	 * @throws IllegalArgumentException if it is absent or blank
	 */
	public String require(String name) {
		return optional(name)
			.orElseThrow(() -> new IllegalArgumentException("Parameter " + name + " is required but missing"));
	}

	public Optional<String> optional(String name) {
		Object value = this.parameters.get(name);
		return (value == null || value.toString().isBlank()) ? Optional.empty() : Optional.of(value.toString().trim());
	}

}
