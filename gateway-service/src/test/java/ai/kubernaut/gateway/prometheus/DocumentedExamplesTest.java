package ai.kubernaut.gateway.prometheus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import ai.kubernaut.gateway.intake.InvalidSignalException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Alertmanager payloads of {@code docs/examples/} read as the documentation says.
 */
class DocumentedExamplesTest {

	private static final Path EXAMPLES = Path.of("..", "docs", "examples");

	private final AlertmanagerNormalizer normalizer = new AlertmanagerNormalizer();

	@ParameterizedTest(name = "{0}")
	@MethodSource("validAlertExamples")
	void everyAlertOfAValidExampleBecomesASignalAboutAWorkload(String file) throws IOException {
		AlertmanagerPayload payload = AlertFixtures.JSON.readValue(Files.readString(EXAMPLES.resolve(file)),
				AlertmanagerPayload.class);

		this.normalizer.checkNotification(payload);
		for (int i = 0; i < payload.alerts().size(); i++) {
			assertThat(this.normalizer.normalize(payload, i).targetCandidates()).isNotEmpty();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidAlertExamples")
	void theInvalidExampleIsRefusedNamingTheField(String file) throws IOException {
		AlertmanagerPayload payload = AlertFixtures.JSON.readValue(Files.readString(EXAMPLES.resolve(file)),
				AlertmanagerPayload.class);

		assertThatExceptionOfType(InvalidSignalException.class).isThrownBy(() -> this.normalizer.normalize(payload, 0))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("alerts[0].labels.alertname"));
	}

	static List<String> validAlertExamples() throws IOException {
		try (Stream<Path> files = Files.list(EXAMPLES)) {
			return files.map((path) -> path.getFileName().toString())
				.filter((name) -> name.startsWith("alert-") && name.endsWith(".json"))
				.filter((name) -> !name.equals("alert-missing-alertname.json"))
				.sorted()
				.toList();
		}
	}

	static List<String> invalidAlertExamples() {
		return List.of("alert-missing-alertname.json");
	}

}
