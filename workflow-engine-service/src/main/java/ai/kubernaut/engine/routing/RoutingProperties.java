package ai.kubernaut.engine.routing;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The fixed routing table from alert name to action type
 * ({@code kubernaut.engine.routing.rules[i].*}).
 *
 * @param rules at most one rule per alert name
 */
@Validated
@ConfigurationProperties("kubernaut.engine.routing")
public record RoutingProperties(List<@Valid Rule> rules) {

	public RoutingProperties {
		rules = (rules != null) ? List.copyOf(rules) : List.of();
	}

	/**
	 * Routes one alert.
	 *
	 * @param alertName the alert's {@code alertname}, matched exactly
	 * @param actionType the catalog action type to remediate with, e.g.
	 * {@code ScaleReplicas}
	 * @param parameters workflow parameters this route sets, e.g.
	 * {@code SCALE_REPLICAS: "+1"}; in YAML write keys in brackets
	 * ({@code "[SCALE_REPLICAS]"}) so they keep their case and underscores
	 */
	public record Rule(@NotBlank String alertName, @NotBlank String actionType, Map<String, String> parameters) {

		public Rule {
			parameters = (parameters != null) ? Map.copyOf(parameters) : Map.of();
		}

	}

}
