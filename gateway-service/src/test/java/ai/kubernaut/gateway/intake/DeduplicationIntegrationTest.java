package ai.kubernaut.gateway.intake;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

@GatewayIntegrationTest
class DeduplicationIntegrationTest {

	private static final String TOKEN = "alertmanager-test-token-0001";

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
	void createsExactlyOneRemediationForFiftyParallelCopiesOfAnAlert() throws Exception {
		String alert = alert();
		int copies = 50;
		CountDownLatch start = new CountDownLatch(1);
		List<Future<HttpResponse<String>>> responses = new ArrayList<>();
		try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < copies; i++) {
				responses.add(senders.submit(() -> {
					start.await();
					return post(alert);
				}));
			}
			start.countDown();
		}

		List<Integer> statuses = new ArrayList<>();
		List<Long> counts = new ArrayList<>();
		List<String> remediationIds = new ArrayList<>();
		for (Future<HttpResponse<String>> response : responses) {
			statuses.add(response.get().statusCode());
			JsonNode body = JSON.readTree(response.get().body());
			remediationIds.add(body.get("remediationId").asString());
			if (response.get().statusCode() == 202) {
				assertThat(body.get("status").asString()).isEqualTo("duplicate");
				assertThat(body.get("duplicate").asBoolean()).isTrue();
				assertThat(body.at("/metadata/firstOccurrence").isMissingNode()).isFalse();
				assertThat(body.at("/metadata/lastOccurrence").isMissingNode()).isFalse();
				counts.add(body.at("/metadata/count").asLong());
			}
		}
		assertThat(statuses).filteredOn((status) -> status == 201).hasSize(1);
		assertThat(statuses).filteredOn((status) -> status == 202).hasSize(copies - 1);
		assertThat(this.engine.creations()).hasSize(1);
		assertThat(remediationIds).containsOnly(this.engine.lastIssuedId().toString());
		// Each duplicate was counted once, under the lock: the counts are 2..50.
		assertThat(counts).doesNotHaveDuplicates().allMatch((count) -> count >= 2 && count <= copies);
		assertThat(this.jdbc.sql("select occurrence_count from signal_dedup").query(Long.class).single())
			.isEqualTo(copies);
	}

	@Test
	void startsANewRemediationOnceTheEngineReportsTheStandingOneTerminal() throws Exception {
		assertThat(post(alert()).statusCode()).isEqualTo(201);
		UUID first = this.engine.lastIssuedId();
		assertThat(post(alert()).statusCode()).isEqualTo(202);

		this.engine.phase(first, "COMPLETED");

		HttpResponse<String> after = post(alert());
		assertThat(after.statusCode()).isEqualTo(201);
		assertThat(JSON.readTree(after.body()).get("remediationId").asString()).isNotEqualTo(first.toString());
		assertThat(this.engine.creations()).hasSize(2);
		assertThat(this.jdbc.sql("select occurrence_count from signal_dedup").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void keepsCountingDuplicatesWhileTheEngineCannotSayWhetherTheRemediationEnded() throws Exception {
		assertThat(post(alert()).statusCode()).isEqualTo(201);
		this.engine.refuse(503, "{\"title\":\"Service Unavailable\",\"status\":503}");

		HttpResponse<String> duplicate = post(alert());

		assertThat(duplicate.statusCode()).isEqualTo(202);
		assertThat(JSON.readTree(duplicate.body()).at("/metadata/count").asLong()).isEqualTo(2);
	}

	@Test
	void retriesTheCreationWithTheNextAlertWhenTheEngineFailed() throws Exception {
		this.engine.dropConnections();
		assertThat(post(alert()).statusCode()).isEqualTo(503);

		this.engine.reset();

		assertThat(post(alert()).statusCode()).isEqualTo(201);
	}

	@Test
	void recordsAuditEventsForACreationAndADuplicate() throws Exception {
		post(alert());
		post(alert());
		String remediationId = this.engine.lastIssuedId().toString();

		List<String> types = this.jdbc.sql("""
				select event->>'event_type' from audit_outbox
				 where event->>'correlation_id' = :id order by id
				""").param("id", remediationId).query(String.class).list();

		assertThat(types).containsExactly("gateway.signal.received", "gateway.remediation.created",
				"gateway.signal.deduplicated");
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

	private static String alert() throws Exception {
		return new ClassPathResource("alerts/kube-deployment-replicas-mismatch.json")
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
