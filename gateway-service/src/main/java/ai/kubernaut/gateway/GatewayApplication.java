package ai.kubernaut.gateway;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Entry point of gateway-service.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

	/**
	 * The name of this service's configuration file ({@code gateway-service.yml}). Each
	 * service has its own so that all five can share one classpath, as they do in the
	 * local stack and the end-to-end test.
	 */
	public static final String CONFIG_NAME = "gateway-service";

	public static void main(String[] args) {
		application().run(args);
	}

	public static SpringApplicationBuilder application() {
		return new SpringApplicationBuilder(GatewayApplication.class).properties("spring.config.name=" + CONFIG_NAME);
	}

}
