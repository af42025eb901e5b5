package ai.kubernaut.datastorage;

import java.time.Clock;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * Entry point of data-storage-service.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DataStorageApplication {

	/**
	 * The name of this service's configuration file ({@code data-storage-service.yml}).
	 * Each service has its own so that all five can share one classpath, as they do in
	 * the local stack and the end-to-end test.
	 */
	public static final String CONFIG_NAME = "data-storage-service";

	public static void main(String[] args) {
		application().run(args);
	}

	/**
	 * The one clock of this service; time-dependent classes take it so tests can fix
	 * time.
	 */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	public static SpringApplicationBuilder application() {
		return new SpringApplicationBuilder(DataStorageApplication.class)
			.properties("spring.config.name=" + CONFIG_NAME);
	}

}
