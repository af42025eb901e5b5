package ai.kubernaut.actions.alerting;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The part of the Alertmanager v2 API the actions use: create, list and expire silences.
 */
final class AlertmanagerClient {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final AlertmanagerSettings settings;

	private final HttpClient http;

	AlertmanagerClient(AlertmanagerSettings settings, HttpClient http) {
		this.settings = settings;
		this.http = http;
	}

	boolean configured() {
		return this.settings.url() != null;
	}

	/**
	 * @return the new silence's id
	 */
	String create(Map<String, Object> silence) {
		String body = send(HttpRequest.newBuilder(uri("/api/v2/silences"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(write(silence))), 200);
		Map<String, Object> answer = read(body, new TypeReference<>() {
		});
		Object id = answer.get("silenceID");
		if (id == null) {
			throw new IllegalStateException("Alertmanager answered without a silenceID: " + body);
		}
		return id.toString();
	}

	List<Map<String, Object>> silences() {
		return read(send(HttpRequest.newBuilder(uri("/api/v2/silences")).GET(), 200), new TypeReference<>() {
		});
	}

	/**
	 * Expires the silence; one that is already expired or gone is fine.
	 */
	void expire(String id) {
		HttpResponse<String> response = exchange(HttpRequest.newBuilder(uri("/api/v2/silence/" + id)).DELETE());
		if (response.statusCode() != 200 && response.statusCode() != 404) {
			throw failure("DELETE /api/v2/silence/" + id, response);
		}
	}

	private String send(HttpRequest.Builder request, int expected) {
		HttpResponse<String> response = exchange(request);
		if (response.statusCode() != expected) {
			throw failure(request.build().method() + " " + request.build().uri().getPath(), response);
		}
		return response.body();
	}

	private HttpResponse<String> exchange(HttpRequest.Builder request) {
		HttpRequest built = request.timeout(this.settings.timeout()).build();
		try {
			return this.http.send(built, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Alertmanager at " + this.settings.url() + " did not answer "
					+ built.method() + " " + built.uri().getPath() + ": " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while calling Alertmanager", ex);
		}
	}

	private static IllegalStateException failure(String call, HttpResponse<String> response) {
		String body = response.body();
		return new IllegalStateException("Alertmanager answered " + call + " with " + response.statusCode()
				+ ((body != null && !body.isBlank()) ? ": " + body.strip() : ""));
	}

	private URI uri(String path) {
		String base = this.settings.url().toString();
		return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
	}

	private static String write(Object value) {
		try {
			return JSON.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static <T> T read(String body, TypeReference<T> type) {
		try {
			return JSON.readValue(body, type);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Alertmanager answered something that is not the expected JSON: " + body,
					ex);
		}
	}

}
