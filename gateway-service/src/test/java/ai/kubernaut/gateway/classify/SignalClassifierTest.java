package ai.kubernaut.gateway.classify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

class SignalClassifierTest {

	/**
	 * The table as shipped in gateway-service.yml, bound the way Spring Boot binds it.
	 */
	private static final ClassificationProperties SHIPPED = shippedTable();

	private final SignalClassifier classifier = new SignalClassifier(SHIPPED);

	@ParameterizedTest(name = "{0} in {1} is {2}")
	@CsvSource(textBlock = """
			critical, production,  P0
			high,     production,  P1
			critical, staging,     P1
			high,     staging,     P2
			warning,  staging,     P2
			info,     staging,     P2
			warning,  production,  P3
			info,     production,  P3
			critical, development, P3
			critical, unknown,     P3
			""")
	void prioritisesBySeverityAndEnvironment(String severity, String environment, String priority) {
		Classification classification = this.classifier.classify(severity,
				Map.of("kubernaut.ai/environment", environment), Map.of());

		assertThat(classification.priority()).isEqualTo(priority);
	}

	@Test
	void takesTheEnvironmentFromTheNamespacesKubernautLabelFirst() {
		Classification classification = this.classifier.classify("warning",
				Map.of("kubernaut.ai/environment", "production", "environment", "staging"),
				Map.of("environment", "development"));

		assertThat(classification.environment()).isEqualTo("production");
	}

	@Test
	void fallsBackToTheNamespacesPlainEnvironmentLabel() {
		Classification classification = this.classifier.classify("warning", Map.of("environment", "staging"),
				Map.of("environment", "development"));

		assertThat(classification.environment()).isEqualTo("staging");
	}

	@Test
	void fallsBackToTheAlertsEnvironmentLabel() {
		Classification classification = this.classifier.classify("warning", Map.of(),
				Map.of("environment", "Production"));

		assertThat(classification).isEqualTo(new Classification("production", "P3"));
	}

	@Test
	void saysUnknownWhenNothingNamesTheEnvironment() {
		Classification classification = this.classifier.classify("critical", Map.of(), Map.of());

		assertThat(classification).isEqualTo(new Classification("unknown", "P3"));
	}

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource(textBlock = """
			critical, critical
			CRITICAL, critical
			High,     high
			warning,  warning
			info,     info
			page,     critical
			error,    high
			minor,    warning
			none,     info
			unknown,  warning
			'',       warning
			bogus,    warning
			""")
	void normalisesSeverity(String severity, String normalised) {
		assertThat(this.classifier.normalizeSeverity(severity)).isEqualTo(normalised);
	}

	@Test
	void appliesAnOverriddenTable() {
		ClassificationProperties.PriorityRule warningsFirst = new ClassificationProperties.PriorityRule(
				Set.of("Warning"), Set.of(), "P0");
		SignalClassifier custom = new SignalClassifier(new ClassificationProperties(List.of(warningsFirst), "P2"));

		assertThat(custom.classify("warning", Map.of(), Map.of()).priority()).isEqualTo("P0");
		assertThat(custom.classify("critical", Map.of(), Map.of()).priority()).isEqualTo("P2");
	}

	private static ClassificationProperties shippedTable() {
		try {
			Binder binder = new Binder(ConfigurationPropertySources.from(new YamlPropertySourceLoader()
				.load("gateway-service.yml", new ClassPathResource("gateway-service.yml"))));
			return binder.bind("kubernaut.gateway.classification", ClassificationProperties.class).get();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
