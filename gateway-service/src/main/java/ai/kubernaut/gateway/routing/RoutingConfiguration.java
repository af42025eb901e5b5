package ai.kubernaut.gateway.routing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

	@Bean
	SignalRouter signalRouter(RoutingProperties properties) {
		return SignalRouter.fromYaml(properties.rulesFile());
	}

}
