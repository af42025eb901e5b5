package ai.kubernaut.gateway.classify;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How signals are prioritised. The shipped table lives in {@code gateway-service.yml};
 * overriding {@code kubernaut.gateway.classification.priorities} replaces it as a whole.
 *
 * @param priorities rules tried in order; the first that matches gives the priority
 * @param defaultPriority the priority when no rule matches
 */
@Validated
@ConfigurationProperties("kubernaut.gateway.classification")
public record ClassificationProperties(@NotEmpty List<@Valid PriorityRule> priorities,
		@NotBlank String defaultPriority) {

	public ClassificationProperties {
		priorities = (priorities != null) ? List.copyOf(priorities) : List.of();
	}

	/**
	 * One row of the priority table.
	 *
	 * @param severities the severities it applies to (lower case), e.g.
	 * {@code [high, warning]}
	 * @param environments the environments it applies to; empty means any
	 * @param priority the priority it gives, e.g. {@code P1}
	 */
	public record PriorityRule(@NotEmpty Set<String> severities, Set<String> environments, @NotBlank String priority) {

		public PriorityRule {
			severities = lowerCase(severities);
			environments = lowerCase(environments);
		}

		boolean matches(String severity, String environment) {
			return this.severities.contains(severity)
					&& (this.environments.isEmpty() || this.environments.contains(environment));
		}

		private static Set<String> lowerCase(Set<String> values) {
			return (values != null) ? values.stream()
				.map((value) -> value.trim().toLowerCase(Locale.ROOT))
				.collect(Collectors.toUnmodifiableSet()) : Set.of();
		}

	}

}
