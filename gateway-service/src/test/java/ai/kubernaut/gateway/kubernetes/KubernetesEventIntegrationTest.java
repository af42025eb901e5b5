package ai.kubernaut.gateway.kubernetes;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Consumer;

import ai.kubernaut.gateway.GatewayIntegrationTest;
import ai.kubernaut.gateway.StubEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@GatewayIntegrationTest
class KubernetesEventIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	StubEngine engine;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void reset() {
		this.engine.reset();
		this.jdbc.sql("delete from signal_dedup").update();
	}

	@Test
	void turnsAWarningEventIntoARemediationOfThePodsDeployment() throws Exception {
		HttpResponse<String> response = post(event((event) -> event.put("lastTimestamp", Instant.now().toString())));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.at("/target/kind").asString()).isEqualTo("Deployment");
		assertThat(body.at("/target/name").asString()).isEqualTo("worker");
		JsonNode sent = JSON.readTree(this.engine.creations().get(0).body());
		assertThat(sent.at("/signal/name").asString()).isEqualTo("BackOff");
		assertThat(sent.at("/signal/source").asString()).isEqualTo("kubernetes-events");
		assertThat(sent.at("/signal/severity").asString()).isEqualTo("warning");
	}

	@Test
	void refusesANormalEventNamingTheField() throws Exception {
		HttpResponse<String> response = post(event((event) -> {
			event.put("type", "Normal");
			event.put("lastTimestamp", Instant.now().toString());
		}));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(response.body()).at("/errors/0/field").asString()).isEqualTo("type");
		assertThat(this.engine.received()).isEmpty();
	}

	@Test
	void refusesAStaleEventAsAReplay() throws Exception {
		HttpResponse<String> response = post(event((event) -> {
		}));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(response.body()).at("/errors/0/field").asString()).isEqualTo("lastTimestamp");
	}

	@Test
	void refusesAnEventWithoutItsInvolvedObjectsName() throws Exception {
		HttpResponse<String> response = post(event((event) -> {
			((ObjectNode) event.get("involvedObject")).remove("name");
			event.put("lastTimestamp", Instant.now().toString());
		}));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(response.body()).at("/errors/0/field").asString()).isEqualTo("involvedObject.name");
	}

	private HttpResponse<String> post(String body) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/signals/kubernetes-event"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer alertmanager-test-token-0001")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static String event(Consumer<ObjectNode> edit) throws Exception {
		ObjectNode event = (ObjectNode) JSON
			.readTree(new ClassPathResource("events/backoff-warning.json").getContentAsString(StandardCharsets.UTF_8));
		edit.accept(event);
		return JSON.writeValueAsString(event);
	}

}
