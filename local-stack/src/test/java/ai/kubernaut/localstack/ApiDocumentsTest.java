package ai.kubernaut.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code docs/api/<service>.yaml} equal to the OpenAPI document each running
 * service serves. Run with {@code -Dkubernaut.api-docs.update=true} to rewrite the files
 * after an intended API change, then review the diff.
 */
@ExtendWith(SharedSuite.class)
class ApiDocumentsTest {

	static final Path API_DOCS = Path.of("..", "docs", "api");

	static final boolean UPDATE = Boolean.getBoolean("kubernaut.api-docs.update");

	/** springdoc names the URL it was called on; the file names the default port. */
	static final Pattern SERVER_URL = Pattern.compile("(?m)^(\\s*-?\\s*url: )http://(localhost|127\\.0\\.0\\.1):\\d+");

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	static Suite suite;

	@BeforeAll
	static void useTheSharedSuite(SharedSuite.Running running) {
		suite = running.suite();
	}

	@ParameterizedTest
	@EnumSource(ServiceId.class)
	void servesTheApiDocumentedInDocsApi(ServiceId service) throws Exception {
		String served = normalise(fetch(service), service);
		Path documented = API_DOCS.resolve(service.serviceName() + ".yaml");

		if (UPDATE) {
			Files.createDirectories(API_DOCS);
			Files.writeString(documented, served);
			return;
		}
		assertThat(documented).as("%s is missing; generate it with -Dkubernaut.api-docs.update=true", documented)
			.exists();
		assertThat(served)
			.as("""
					The OpenAPI document of %s differs from %s.
					If the API change is intended, regenerate the file and review the diff:
					  ./mvnw -pl local-stack verify -Dtest=ApiDocumentsTest -Dkubernaut.api-docs.update=true""",
					service.serviceName(), documented)
			.isEqualTo(Files.readString(documented));
	}

	private static String fetch(ServiceId service) throws IOException, InterruptedException {
		URI uri = suite.url(service).resolve("/v3/api-docs.yaml");
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(uri + " → " + response.body()).isEqualTo(200);
		return response.body();
	}

	static String normalise(String document, ServiceId service) {
		Matcher matcher = SERVER_URL.matcher(document);
		String normalised = matcher.replaceAll("$1http://localhost:" + service.defaultPort());
		return normalised.endsWith("\n") ? normalised : normalised + "\n";
	}

}
