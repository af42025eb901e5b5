package ai.kubernaut.gateway.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/**
 * Where the routing rules come from.
 *
 * @param rulesFile the YAML rule file (default the shipped
 * {@code classpath:routing/gateway-default-rules.yml}); e.g.
 * {@code file:/etc/kubernaut/routing-rules.yml} from a ConfigMap
 */
@ConfigurationProperties("kubernaut.gateway.routing")
record RoutingProperties(Resource rulesFile) {

	static final String DEFAULT_RULES = "classpath:routing/gateway-default-rules.yml";

	RoutingProperties {
		rulesFile = (rulesFile != null) ? rulesFile : new DefaultResourceLoader().getResource(DEFAULT_RULES);
	}

}
