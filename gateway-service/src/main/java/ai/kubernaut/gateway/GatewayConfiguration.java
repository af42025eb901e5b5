package ai.kubernaut.gateway;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
