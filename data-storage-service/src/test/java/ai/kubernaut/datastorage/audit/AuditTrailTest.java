package ai.kubernaut.datastorage.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ai.kubernaut.datastorage.CatalogApi;
import ai.kubernaut.datastorage.CatalogApi.Response;
import ai.kubernaut.datastorage.DataStorageServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The audit trail over HTTP and in the database. Each test uses its own correlation ids,
 * because the trail cannot be emptied.
 */
@DataStorageServiceTest
class AuditTrailTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RestTestClient client;

	@Autowired
	TransactionOperations transactions;

	CatalogApi api;

	String correlationId;

	@BeforeEach
	void newCorrelation() {
		this.api = new CatalogApi(this.client);
		this.correlationId = "rr-" + UUID.randomUUID();
	}

	@Test
	void chainsTheEventsOfOneCorrelationId() {
		Response first = this.api.postJson("/api/v1/audit/events", event("gateway.signal.received", Map.of()));
		Response second = this.api.postJson("/api/v1/audit/events", event("orchestrator.lifecycle.started", Map.of()));

		assertThat(first.status()).isEqualTo(201);
		assertThat(first.text("event_hash")).matches("[0-9a-f]{64}");
		assertThat(first.body().has("previous_event_hash")).isFalse();
		assertThat(second.text("previous_event_hash")).isEqualTo(first.text("event_hash"));
		assertThat(verify(this.correlationId).path("verified").asBoolean()).isTrue();
	}

	@Test
	void appendsABatchInOrderAndRefusesMoreThanFiveHundred() {
		List<Map<String, Object>> three = List.of(event("a.b.one", Map.of()), event("a.b.two", Map.of()),
				event("a.b.three", Map.of()));
		List<Map<String, Object>> tooMany = new ArrayList<>();
		for (int i = 0; i < 501; i++) {
			tooMany.add(event("a.b.many", Map.of()));
		}

		Response batch = this.api.postJson("/api/v1/audit/events/batch", three);
		Response refused = this.api.postJson("/api/v1/audit/events/batch", tooMany);

		assertThat(batch.status()).isEqualTo(201);
		assertThat(batch.body()).hasSize(3);
		assertThat(batch.body().path(2).path("previous_event_hash").asString())
			.isEqualTo(batch.body().path(1).path("event_hash").asString());
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body().path("errors").path(0).path("field").asString()).isEqualTo("events");
		assertThat(count(this.correlationId)).isEqualTo(3);
	}

	@Test
	void refusesAnEventWithoutItsRequiredFields() {
		Map<String, Object> incomplete = event("a.b.c", Map.of());
		incomplete.remove("event_type");

		Response refused = this.api.postJson("/api/v1/audit/events", incomplete);

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body().toString()).contains("eventType");
	}

	@Test
	void refusesUpdateAndDeleteInTheDatabase() {
		this.api.postJson("/api/v1/audit/events", event("a.b.c", Map.of()));

		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(
					() -> this.jdbc.sql("UPDATE audit_events SET event_outcome = 'failure' WHERE correlation_id = :id")
						.param("id", this.correlationId)
						.update())
			.havingRootCause()
			.withMessageContaining("append-only");
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.sql("DELETE FROM audit_events WHERE correlation_id = :id")
				.param("id", this.correlationId)
				.update())
			.havingRootCause()
			.withMessageContaining("append-only");
		assertThat(count(this.correlationId)).isEqualTo(1);
	}

	@Test
	void reportsARowAlteredBehindTheTriggersBack() {
		this.api.postJson("/api/v1/audit/events", event("a.b.one", Map.of("replicas", 3)));
		String altered = this.api.postJson("/api/v1/audit/events", event("a.b.two", Map.of("replicas", 3)))
			.text("event_id");
		this.api.postJson("/api/v1/audit/events", event("a.b.three", Map.of("replicas", 3)));

		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.sql("ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only").update();
			this.jdbc
				.sql("UPDATE audit_events SET event_data = '{\"replicas\": 30}' WHERE event_id = cast(:id as uuid)")
				.param("id", altered)
				.update();
			this.jdbc.sql("ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only").update();
		});
		JsonNode verification = verify(this.correlationId);

		assertThat(verification.path("verified").asBoolean()).isFalse();
		assertThat(verification.path("events_checked").asLong()).isEqualTo(3);
		assertThat(verification.path("violations")).hasSize(1);
		assertThat(verification.path("violations").path(0).path("event_id").asString()).isEqualTo(altered);
		assertThat(verification.path("violations").path(0).path("reason").asString()).isEqualTo("event_hash_mismatch");
	}

	@Test
	void reportsARowRemovedBehindTheTriggersBack() {
		this.api.postJson("/api/v1/audit/events", event("a.b.one", Map.of()));
		String removed = this.api.postJson("/api/v1/audit/events", event("a.b.two", Map.of())).text("event_id");
		String next = this.api.postJson("/api/v1/audit/events", event("a.b.three", Map.of())).text("event_id");

		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.sql("ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only").update();
			this.jdbc.sql("DELETE FROM audit_events WHERE event_id = cast(:id as uuid)").param("id", removed).update();
			this.jdbc.sql("ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only").update();
		});
		JsonNode verification = verify(this.correlationId);

		assertThat(verification.path("verified").asBoolean()).isFalse();
		assertThat(verification.path("violations").path(0).path("event_id").asString()).isEqualTo(next);
		assertThat(verification.path("violations").path(0).path("reason").asString()).isEqualTo("chain_link_broken");
	}

	@Test
	void verifiesEveryChainWhenNoCorrelationIdIsGiven() {
		this.api.postJson("/api/v1/audit/events", event("a.b.c", Map.of()));

		Response all = this.api.postJson("/api/v1/audit/verify-chain", Map.of());

		assertThat(all.status()).isEqualTo(200);
		assertThat(all.body().path("events_checked").asLong()).isPositive();
		assertThat(all.body().path("chains_checked").asLong()).isPositive();
	}

	@Test
	void queriesEventsWithKubernautsFilters() {
		this.api.postJson("/api/v1/audit/events/batch",
				List.of(event("orchestrator.lifecycle.started", Map.of("target_resource", "shop/Deployment/cart")),
						event("orchestrator.lifecycle.completed", Map.of("target_resource", "shop/Deployment/cart")),
						event("orchestrator.lifecycle.completed", Map.of("target_resource", "shop/Deployment/web"))));

		Response completed = this.api.query("/api/v1/audit/events",
				Map.of("correlation_id", this.correlationId, "event_type", "orchestrator.lifecycle.completed"));
		Response cart = this.api.query("/api/v1/audit/events", Map.of("correlation_id", this.correlationId,
				"detail_key", "target_resource", "detail_value", "shop/Deployment/cart", "since", "1h", "limit", "1"));
		Response future = this.api.query("/api/v1/audit/events",
				Map.of("correlation_id", this.correlationId, "since", "2999-01-01T00:00:00Z"));

		assertThat(completed.body().path("data")).hasSize(2);
		assertThat(completed.body().path("pagination").path("total").asLong()).isEqualTo(2);
		assertThat(cart.body().path("data")).hasSize(1);
		assertThat(cart.body().path("data").path(0).path("recorded_by").asString()).isEqualTo("catalog-admin");
		assertThat(cart.body().path("pagination").path("has_more").asBoolean()).isTrue();
		assertThat(future.body().path("data")).isEmpty();
		assertThat(this.api.query("/api/v1/audit/events", Map.of("limit", "1001")).status()).isEqualTo(400);
		assertThat(this.api.query("/api/v1/audit/events", Map.of("since", "yesterday")).status()).isEqualTo(400);
		assertThat(this.api.query("/api/v1/audit/events", Map.of("detail_key", "x")).status()).isEqualTo(400);
	}

	@Test
	void recordsTheCatalogsOwnEvents() {
		CatalogApi.emptyCatalog(this.jdbc);
		Instant before = this.jdbc.sql("SELECT now()").query(OffsetDateTime.class).single().toInstant();
		Response actionType = this.api.postYaml("/api/v1/action-types",
				CatalogApi.resource("kubernaut-catalog/action-types/scale-replicas.yaml"));
		Response workflow = this.api.postYaml("/api/v1/workflows",
				CatalogApi.resource("kubernaut-catalog/workflows/scale-replicas-v1.yaml"));

		assertThat(actionType.status()).isEqualTo(201);
		assertThat(workflow.status()).isEqualTo(201);
		assertThat(this.jdbc.sql("""
				SELECT event_type FROM audit_events
				WHERE resource_id = :id AND event_type = 'datastorage.workflow.created' AND recorded_at >= :before""")
			.param("id", workflow.text("workflowId"))
			.param("before", before.atOffset(ZoneOffset.UTC))
			.query(String.class)
			.list()).hasSize(1);
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM audit_events
				WHERE event_type = 'datastorage.actiontype.created' AND resource_id = 'ScaleReplicas'
				  AND recorded_at >= :before""")
			.param("before", before.atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private JsonNode verify(String correlationId) {
		Response response = this.api.postJson("/api/v1/audit/verify-chain", Map.of("correlation_id", correlationId));
		assertThat(response.status()).isEqualTo(200);
		return response.body();
	}

	private long count(String correlationId) {
		return this.jdbc.sql("SELECT count(*) FROM audit_events WHERE correlation_id = :id")
			.param("id", correlationId)
			.query(Long.class)
			.single();
	}

	private Map<String, Object> event(String type, Map<String, Object> data) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("version", "1.0");
		event.put("event_type", type);
		event.put("event_timestamp", Instant.now().toString());
		event.put("event_category", "orchestration");
		event.put("event_action", type.substring(type.lastIndexOf('.') + 1));
		event.put("event_outcome", "success");
		event.put("correlation_id", this.correlationId);
		event.put("event_data", data);
		return event;
	}

}
