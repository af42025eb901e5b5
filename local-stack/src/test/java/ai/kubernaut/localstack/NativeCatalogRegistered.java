package ai.kubernaut.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Waits until data-storage lists every workflow of the engine's native catalog, which the
 * engine registers in the background after start-up.
 */
final class NativeCatalogRegistered {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	private NativeCatalogRegistered() {
	}

	static void await(URI dataStorage, String token, Duration atMost) {
		List<String> names = names();
		Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() -> {
			for (String name : names) {
				HttpRequest request = HttpRequest
					.newBuilder(dataStorage
						.resolve("/api/v1/workflows?workflow_name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)))
					.header("Authorization", "Bearer " + token)
					.GET()
					.build();
				HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() != 200 || json.readTree(response.body()).path("workflows").isEmpty()) {
					return false;
				}
			}
			return true;
		});
	}

	private static List<String> names() {
		List<String> names = new ArrayList<>();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver()
				.getResources("classpath:native-catalog/*.yaml")) {
				try (InputStream in = resource.getInputStream()) {
					Map<?, ?> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
					names.add(((Map<?, ?>) root.get("metadata")).get("name").toString());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (names.isEmpty()) {
			throw new IllegalStateException("The engine's native catalog is not on the classpath");
		}
		return names;
	}

}
