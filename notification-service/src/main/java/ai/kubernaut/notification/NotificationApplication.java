package ai.kubernaut.notification;

import java.time.Clock;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * Entry point of notification-service.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NotificationApplication {

	/**
	 * The name of this service's configuration file ({@code notification-service.yml}).
	 * Each service has its own so that all five can share one classpath, as they do in
	 * the local stack and the end-to-end test.
	 */
	public static final String CONFIG_NAME = "notification-service";

	public static void main(String[] args) {
		application().run(args);
	}

	public static SpringApplicationBuilder application() {
		return new SpringApplicationBuilder(NotificationApplication.class)
			.properties("spring.config.name=" + CONFIG_NAME);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
