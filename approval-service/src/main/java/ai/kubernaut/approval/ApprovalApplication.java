package ai.kubernaut.approval;

import java.time.Clock;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * Entry point of approval-service.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ApprovalApplication {

	/**
	 * The name of this service's configuration file ({@code approval-service.yml}). Each
	 * service has its own so that all five can share one classpath, as they do in the
	 * local stack and the end-to-end test.
	 */
	public static final String CONFIG_NAME = "approval-service";

	public static void main(String[] args) {
		application().run(args);
	}

	public static SpringApplicationBuilder application() {
		return new SpringApplicationBuilder(ApprovalApplication.class).properties("spring.config.name=" + CONFIG_NAME);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
