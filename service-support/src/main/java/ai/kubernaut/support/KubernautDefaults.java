package ai.kubernaut.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code kubernaut-common.yml}, the defaults every service shares, as the property
 * source of lowest precedence. Unlike {@code spring.config.import}, whose imported values
 * win over the importing file, this lets a service's own {@code <service>.yml}, profiles,
 * environment variables and arguments override any shared default.
 */
class KubernautDefaults implements EnvironmentPostProcessor {

	static final String RESOURCE = "kubernaut-common.yml";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getPropertySources().contains(RESOURCE)) {
			return;
		}
		try {
			for (PropertySource<?> source : new YamlPropertySourceLoader().load(RESOURCE,
					new ClassPathResource(RESOURCE))) {
				environment.getPropertySources().addLast(source);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + RESOURCE, ex);
		}
	}

}
