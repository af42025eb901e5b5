package ai.kubernaut.gateway.classify;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.validation.annotation.Validated;

/**
 * How signals are classified. The shipped values live in {@code gateway-service.yml};
 * overriding a list replaces it as a whole.
 *
 * @param priorities rules tried in order; the first that matches gives the priority
 * @param defaultPriority the priority when no rule matches
 * @param severityAliases source severities (lower case) mapped onto
 * {@code critical|high|warning|info}, e.g. {@code error: high}
 * @param defaultSeverity the severity of a signal whose severity is absent or unknown
 * @param customLabelPrefix namespace labels with this prefix become custom labels, the
 * rest of the key naming the label (Kubernaut's {@code kubernaut.ai/label-})
 * @param customLabelMappings extra custom labels computed with CEL
 */
@Validated
@ConfigurationProperties("kubernaut.gateway.classification")
public record ClassificationProperties(@NotEmpty List<@Valid PriorityRule> priorities, @NotBlank String defaultPriority,
		Map<String, String> severityAliases, @Pattern(regexp = "critical|high|warning|info") String defaultSeverity,
		String customLabelPrefix, List<@Valid CustomLabelMapping> customLabelMappings) {

	@ConstructorBinding
	public ClassificationProperties {
		priorities = (priorities != null) ? List.copyOf(priorities) : List.of();
		severityAliases = (severityAliases != null) ? Map.copyOf(severityAliases) : Map.of();
		defaultSeverity = (defaultSeverity != null) ? defaultSeverity : "warning";
		customLabelPrefix = (customLabelPrefix != null) ? customLabelPrefix : "kubernaut.ai/label-";
		customLabelMappings = (customLabelMappings != null) ? List.copyOf(customLabelMappings) : List.of();
	}

	public ClassificationProperties(List<PriorityRule> priorities, String defaultPriority) {
		this(priorities, defaultPriority, null, null, null, null);
	}

	/**
	 * One row of the priority table.
	 *
	 * @param severities the (normalised) severities it applies to, e.g.
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

	/**
	 * A custom label computed from the signal's context.
	 *
	 * @param key the custom label's key, e.g. {@code team}
	 * @param expression CEL over the variables of
	 * {@link ai.kubernaut.gateway.cel.CelExpression}, giving a string, a list of strings,
	 * or {@code ""}/{@code []}/{@code null} for no value, e.g.
	 * {@code 'team' in workload.labels ? workload.labels.team : ''}
	 */
	public record CustomLabelMapping(@NotBlank @Pattern(regexp = "[A-Za-z0-9_-]+") String key,
			@NotBlank String expression) {
	}

}
