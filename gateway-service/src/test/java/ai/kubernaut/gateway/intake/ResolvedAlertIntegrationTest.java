package ai.kubernaut.gateway.intake;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ai.kubernaut.gateway.GatewayIntegrationTest;
import ai.kubernaut.gateway.StubEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resolved alert cancels the remediation standing for its fingerprint through the
 * engine's cancel API, and never fails the webhook when the engine is down.
 */
@GatewayIntegrationTest
class ResolvedAlertIntegrationTest {

	private static final String TOKEN = "alertmanager-test-token-0001";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** {@code printf 'prod-eu-1:demo-shop:Deployment:checkout' | sha256sum} */
	private static final String CHECKOUT = "20c21649d287b351f78379d1615dfc19e08e5f14cc5bc830778173c6135f0370";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	StubEngine engine;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CancellationRetrier retrier;

	@BeforeEach
	void reset() {
		this.engine.reset();
		this.jdbc.sql("delete from signal_dedup").update();
	}

	@Test
	void cancelsTheStandingRemediationWhenItsAlertResolves() throws Exception {
		assertThat(post(firing()).statusCode()).isEqualTo(201);
		UUID remediation = this.engine.lastIssuedId();

		HttpResponse<String> response = post(resolved());

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.get("status").asString()).isEqualTo("ignored");
		assertThat(body.get("reason").asString()).isEqualTo("resolved");
		assertThat(body.get("resolution").asString()).isEqualTo("resolved-cancelled");
		assertThat(body.get("remediationId").asString()).isEqualTo(remediation.toString());
		assertThat(this.engine.cancellations()).singleElement().satisfies((cancel) -> {
			assertThat(cancel.path()).isEqualTo("/api/v1/remediations/" + remediation + "/cancel");
			assertThat(JSON.readTree(cancel.body()).get("reason").asString())
				.isEqualTo("alert resolved: KubeDeploymentReplicasMismatch");
		});
		assertThat(dedupRow()).containsEntry("terminal", true)
			.containsEntry("resolution", "resolved-cancelled")
			.containsEntry("cancel_next_attempt_at", null);
		assertThat(lastLogEntry()).containsEntry("outcome", "ignored")
			.containsEntry("resolution", "resolved-cancelled")
			.containsEntry("remediation_id", remediation);
		assertThat(auditTypes(remediation)).endsWith("gateway.signal.resolved", "gateway.remediation.cancelled");
		assertThat(scrape())
			.containsPattern("kubernaut_gateway_resolutions_total\\{[^}]*outcome=\"resolved-cancelled\"");
	}

	@Test
	void startsAFreshRemediationWhenTheAlertFiresAgainAfterTheCancellation() throws Exception {
		post(firing());
		UUID cancelled = this.engine.lastIssuedId();
		post(resolved());

		HttpResponse<String> again = post(firing());

		assertThat(again.statusCode()).isEqualTo(201);
		assertThat(JSON.readTree(again.body()).get("remediationId").asString()).isNotEqualTo(cancelled.toString());
	}

	@Test
	void saysTheRemediationHadAlreadyFinishedWhenTheEngineAnswersConflict() throws Exception {
		post(firing());
		UUID remediation = this.engine.lastIssuedId();
		this.engine.phase(remediation, "COMPLETED");

		HttpResponse<String> response = post(resolved());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(response.body()).get("resolution").asString()).isEqualTo("resolved-already-finished");
		assertThat(dedupRow()).containsEntry("terminal", true).containsEntry("resolution", "resolved-already-finished");
		assertThat(auditTypes(remediation)).endsWith("gateway.signal.resolved");
	}

	@Test
	void asksTheEngineNothingWhenNoRemediationStandsForTheFingerprint() throws Exception {
		HttpResponse<String> response = post(resolved());

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.get("resolution").asString()).isEqualTo("resolved-no-remediation");
		assertThat(body.get("fingerprint").asString()).isEqualTo(CHECKOUT);
		assertThat(this.engine.received()).isEmpty();
		assertThat(lastLogEntry()).containsEntry("resolution", "resolved-no-remediation");
	}

	@Test
	void storesTheCancellationAndDeliversItOnceTheEngineIsBack() throws Exception {
		post(firing());
		UUID remediation = this.engine.lastIssuedId();
		this.engine.dropConnections();

		HttpResponse<String> response = post(resolved());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(response.body()).get("resolution").asString()).isEqualTo("resolved-cancel-pending");
		assertThat(dedupRow()).containsEntry("cancel_remediation_id", remediation)
			.containsEntry("terminal", false)
			.containsEntry("resolution", "resolved-cancel-pending");

		this.engine.reset();
		makeStoredCancellationDue();
		this.retrier.retryDue();

		assertThat(this.engine.cancellations()).singleElement()
			.satisfies((cancel) -> assertThat(cancel.path()).contains(remediation.toString()));
		assertThat(dedupRow()).containsEntry("cancel_remediation_id", null)
			.containsEntry("terminal", true)
			.containsEntry("resolution", "resolved-cancelled");
		assertThat(auditTypes(remediation)).endsWith("gateway.remediation.cancelled");
	}

	@Test
	void keepsRetryingWithALongerWaitWhileTheEngineStaysDown() throws Exception {
		post(firing());
		this.engine.dropConnections();
		post(resolved());
		makeStoredCancellationDue();

		this.retrier.retryDue();

		Map<String, Object> row = dedupRow();
		assertThat(row).containsEntry("cancel_attempts", 2).containsEntry("terminal", false);
		assertThat(row.get("retry_in_future")).isEqualTo(true);
		assertThat(row.get("cancel_last_error")).isNotNull();
	}

	@Test
	void withdrawsAStoredCancellationWhenTheAlertFiredAgainInTheMeantime() throws Exception {
		post(firing());
		this.engine.dropConnections();
		post(resolved());
		this.engine.reset();
		// The problem is back before the cancellation could be delivered.
		assertThat(post(firing()).statusCode()).isEqualTo(202);
		makeStoredCancellationDue();

		this.retrier.retryDue();

		assertThat(this.engine.cancellations()).isEmpty();
		assertThat(dedupRow()).containsEntry("cancel_remediation_id", null).containsEntry("terminal", false);
	}

	private void makeStoredCancellationDue() {
		this.jdbc.sql("update signal_dedup set cancel_next_attempt_at = now() - interval '1 second'").update();
	}

	private Map<String, Object> dedupRow() {
		return this.jdbc.sql("""
				select terminal, resolution, cancel_remediation_id, cancel_attempts, cancel_next_attempt_at,
				       cancel_last_error, cancel_next_attempt_at > now() as retry_in_future
				  from signal_dedup where fingerprint = :fp
				""").param("fp", CHECKOUT).query().singleRow();
	}

	private Map<String, Object> lastLogEntry() {
		return this.jdbc.sql("""
				select outcome, reason, resolution, remediation_id from signal_log
				 where alert_name = 'KubeDeploymentReplicasMismatch' order by id desc limit 1
				""").query().singleRow();
	}

	private List<String> auditTypes(UUID remediation) {
		return this.jdbc.sql("""
				select event->>'event_type' from audit_outbox
				 where event->>'correlation_id' = :id order by id
				""").param("id", remediation.toString()).query(String.class).list();
	}

	private String scrape() throws Exception {
		return this.http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/prometheus")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
	}

	private HttpResponse<String> post(String body) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/signals/prometheus"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + TOKEN)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static String firing() throws Exception {
		return new ClassPathResource("alerts/kube-deployment-replicas-mismatch.json")
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static String resolved() throws Exception {
		return firing().replace("\"status\": \"firing\"", "\"status\": \"resolved\"");
	}

}
