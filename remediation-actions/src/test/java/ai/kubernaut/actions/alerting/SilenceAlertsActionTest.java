package ai.kubernaut.actions.alerting;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.kubernaut.actions.ActionContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Against a stand-in Alertmanager that keeps silences in memory, as the v2 API does.
 */
@SuppressWarnings("unchecked")
class SilenceAlertsActionTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC);

	private final List<Map<String, Object>> silences = new CopyOnWriteArrayList<>();

	private final List<String> calls = new CopyOnWriteArrayList<>();

	private HttpServer alertmanager;

	private SilenceAlertsAction silence;

	private ExpireSilenceAction expire;

	@BeforeEach
	void start() throws IOException {
		this.alertmanager = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.alertmanager.createContext("/api/v2/silences", this::silences);
		this.alertmanager.createContext("/api/v2/silence/", this::silence);
		this.alertmanager.start();
		AlertmanagerSettings settings = new AlertmanagerSettings(
				URI.create("http://127.0.0.1:" + this.alertmanager.getAddress().getPort()), Duration.ofSeconds(2));
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		this.silence = new SilenceAlertsAction(settings, http, CLOCK);
		this.expire = new ExpireSilenceAction(settings, http);
	}

	@AfterEach
	void stop() {
		this.alertmanager.stop(0);
	}

	@Test
	void createsASilenceWithMatchersDurationAndCreator() {
		Map<String, Object> output = this.silence.execute(context(Map.of("ALERT_NAME", "KubePodCrashLooping",
				"MATCHERS", Map.of("namespace", "demo"), "DURATION", "30m", "COMMENT", "Restarting checkout")));

		assertThat(this.silences).singleElement().satisfies((created) -> {
			assertThat(created).containsEntry("createdBy", "kubernaut")
				.containsEntry("startsAt", "2026-11-22T03:00:00Z")
				.containsEntry("endsAt", "2026-11-22T03:30:00Z");
			assertThat(created.get("comment").toString()).startsWith("Restarting checkout [kubernaut ");
			assertThat((List<Map<String, Object>>) created.get("matchers")).containsExactly(
					Map.of("name", "alertname", "value", "KubePodCrashLooping", "isRegex", false, "isEqual", true),
					Map.of("name", "namespace", "value", "demo", "isRegex", false, "isEqual", true));
		});
		assertThat(output).containsEntry("silenceId", "silence-1")
			.containsEntry("rollback",
					Map.of("action", "expire_silence", "parameters", Map.of("SILENCE_ID", "silence-1")));
	}

	@Test
	void aListOfAlertNamesBecomesOneAnchoredAlternative() {
		this.silence.execute(context(Map.of("ALERT_NAME", List.of("ServiceADown", "ServiceB.Slow"))));

		Map<String, Object> matcher = ((List<Map<String, Object>>) this.silences.get(0).get("matchers")).get(0);
		assertThat(matcher).containsEntry("isRegex", true)
			.containsEntry("value", "\\QServiceADown\\E|\\QServiceB.Slow\\E");
	}

	@Test
	void aReplayedStepFindsItsSilenceAndCreatesNoOther() {
		ActionContext context = context(Map.of("ALERT_NAME", "HighLatency"));
		this.silence.execute(context);

		Map<String, Object> again = this.silence.execute(context);

		assertThat(this.silences).hasSize(1);
		assertThat(again).containsEntry("alreadyApplied", true).containsEntry("silenceId", "silence-1");
	}

	@Test
	void theRollbackExpiresTheSilence() {
		Map<String, Object> output = this.silence.execute(context(Map.of("ALERT_NAME", "HighLatency")));
		Map<String, Object> rollback = (Map<String, Object>) output.get("rollback");

		this.expire
			.execute(new ActionContext(UUID.randomUUID(), "undo", (Map<String, Object>) rollback.get("parameters")));

		assertThat(this.calls).contains("DELETE /api/v2/silence/silence-1");
		assertThat(((Map<String, Object>) this.silences.get(0).get("status")).get("state")).isEqualTo("expired");
	}

	@Test
	void dryRunShowsTheSilenceAndCreatesNothing() {
		Map<String, Object> output = this.silence.preview(context(Map.of("ALERT_NAME", "HighLatency")));

		assertThat(this.silences).isEmpty();
		assertThat((List<Object>) output.get("changes"))
			.containsExactly("Alertmanager silence {alertname=\"HighLatency\"} until 2026-11-22T04:00:00Z");
	}

	@Test
	void anAlertmanagerErrorFailsTheStepWithItsAnswer() {
		this.alertmanager.removeContext("/api/v2/silences");
		this.alertmanager.createContext("/api/v2/silences", (exchange) -> respond(exchange, 400, "\"bad matcher\""));

		assertThatIllegalStateException()
			.isThrownBy(() -> this.silence.execute(context(Map.of("ALERT_NAME", "HighLatency"))))
			.withMessageContaining("Alertmanager answered GET /api/v2/silences with 400: \"bad matcher\"");
	}

	@Test
	void validationNamesTheMissingUrlPropertyAndMissingMatchers() {
		SilenceAlertsAction unconfigured = new SilenceAlertsAction(new AlertmanagerSettings(null, null),
				HttpClient.newHttpClient(), CLOCK);

		assertThat(unconfigured.validate(Map.of("DURATION", "3d"))).containsExactly(
				"silence_alerts needs an Alertmanager: set kubernaut.engine.alertmanager.url",
				"silence_alerts needs ALERT_NAME or MATCHERS: a silence without matchers would mute everything",
				"DURATION must be a duration such as 30s, 5m or 1h, got \"3d\"");
		assertThat(this.silence.validate(Map.of("MATCHERS", "team=payments,bad label=x")))
			.containsExactly("MATCHERS has an invalid label name \"bad label\"");
	}

	private static ActionContext context(Map<String, Object> parameters) {
		return new ActionContext(UUID.randomUUID(), "silence", parameters);
	}

	private void silences(HttpExchange exchange) throws IOException {
		this.calls.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
		if ("POST".equals(exchange.getRequestMethod())) {
			Map<String, Object> silence = JSON.readValue(exchange.getRequestBody(), new TypeReference<>() {
			});
			String id = "silence-" + (this.silences.size() + 1);
			silence.put("id", id);
			silence.put("status", new java.util.HashMap<>(Map.of("state", "active")));
			this.silences.add(silence);
			respond(exchange, 200, JSON.writeValueAsString(Map.of("silenceID", id)));
			return;
		}
		respond(exchange, 200, JSON.writeValueAsString(this.silences));
	}

	private void silence(HttpExchange exchange) throws IOException {
		this.calls.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
		String id = exchange.getRequestURI().getPath().substring("/api/v2/silence/".length());
		this.silences.stream()
			.filter((silence) -> id.equals(silence.get("id")))
			.forEach((silence) -> ((Map<String, Object>) silence.get("status")).put("state", "expired"));
		respond(exchange, 200, "");
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, (bytes.length == 0) ? -1 : bytes.length);
		if (bytes.length > 0) {
			exchange.getResponseBody().write(bytes);
		}
		exchange.close();
	}

}
