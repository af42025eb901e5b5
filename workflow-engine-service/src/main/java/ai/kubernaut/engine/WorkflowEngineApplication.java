package ai.kubernaut.engine;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Entry point of workflow-engine-service.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WorkflowEngineApplication {

	/**
	 * The name of this service's configuration file
	 * ({@code workflow-engine-service.yml}). Each service has its own so that all five
	 * can share one classpath, as they do in the local stack and the end-to-end test.
	 */
	public static final String CONFIG_NAME = "workflow-engine-service";

	public static void main(String[] args) {
		application().run(args);
	}

	public static SpringApplicationBuilder application() {
		return new SpringApplicationBuilder(WorkflowEngineApplication.class)
			.properties("spring.config.name=" + CONFIG_NAME);
	}

}
