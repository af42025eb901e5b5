package ai.kubernaut.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Registers the bundled demo catalog (Kubernaut's public ActionTypes and
 * RemediationWorkflows) through data-storage's API, as an operator would with
 * {@code curl}: action types first, since workflows reference them. Registration is
 * idempotent, so a restart with a kept database answers 200 for every file.
 */
final class CatalogSeeder {

	private static final Logger log = LoggerFactory.getLogger(CatalogSeeder.class);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final URI dataStorage;

	private final String token;

	CatalogSeeder(URI dataStorage, String token) {
		this.dataStorage = dataStorage;
		this.token = token;
	}

	Summary seed(String location) {
		Summary actionTypes = register(location + "/action-types/*.yaml", "/api/v1/action-types");
		Summary workflows = register(location + "/workflows/*.yaml", "/api/v1/workflows");
		return new Summary(actionTypes.registered() + workflows.registered(),
				actionTypes.failed() + workflows.failed());
	}

	private Summary register(String pattern, String path) {
		int registered = 0;
		int failed = 0;
		for (Resource resource : resources(pattern)) {
			HttpResponse<String> response = post(path, resource);
			if (response.statusCode() == 200 || response.statusCode() == 201) {
				registered++;
			}
			else {
				failed++;
				log.warn("Catalog file {} was not registered: {} {}", resource.getFilename(), response.statusCode(),
						response.body());
			}
		}
		return new Summary(registered, failed);
	}

	private HttpResponse<String> post(String path, Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			HttpRequest request = HttpRequest.newBuilder(this.dataStorage.resolve(path))
				.timeout(Duration.ofSeconds(10))
				.header("Content-Type", "application/yaml")
				.header("Authorization", "Bearer " + this.token)
				.POST(HttpRequest.BodyPublishers.ofString(new String(in.readAllBytes(), StandardCharsets.UTF_8)))
				.build();
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not register " + resource.getFilename(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while registering the catalog", ex);
		}
	}

	private static List<Resource> resources(String pattern) {
		try {
			return Arrays.stream(new PathMatchingResourcePatternResolver().getResources(pattern))
				.sorted(Comparator.comparing(Resource::getFilename))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list " + pattern, ex);
		}
	}

	record Summary(int registered, int failed) {
	}

}
