package ai.kubernaut.datastorage.history;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ai.kubernaut.datastorage.CatalogApi;
import ai.kubernaut.datastorage.CatalogApi.Response;
import ai.kubernaut.datastorage.DataStorageServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@DataStorageServiceTest
class RemediationHistoryTest {

	private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

	@Autowired
	RestTestClient client;

	@Test
	void listsPastRemediationsOfTheTargetNewestFirst() {
		CatalogApi api = new CatalogApi(this.client);
		String target = "shop-" + UUID.randomUUID() + "/Deployment/cart";
		String failed = "rr-" + UUID.randomUUID();
		String completed = "rr-" + UUID.randomUUID();
		String running = "rr-" + UUID.randomUUID();
		String elsewhere = "rr-" + UUID.randomUUID();
		api.postJson("/api/v1/audit/events/batch", List.of(
				event(failed, "remediation.workflow_created", 0, target,
						Map.of("workflow_id", "wf-restart", "action_type", "RestartDeployment")),
				event(failed, "orchestrator.lifecycle.failed", 5, target, Map.of("failure_reason", "pods still crash")),
				event(completed, "remediation.workflow_created", 10, target,
						Map.of("workflow_id", "wf-rollback", "action_type", "RollbackDeployment")),
				event(completed, "orchestrator.lifecycle.completed", 12, target, Map.of()),
				event(running, "remediation.workflow_created", 20, target,
						Map.of("workflow_id", "wf-memory", "action_type", "IncreaseMemoryLimits")),
				event(elsewhere, "orchestrator.lifecycle.completed", 30, target.replace("cart", "web"), Map.of()),
				event(running, "gateway.signal.received", 25, target, Map.of())));

		String[] parts = target.split("/");
		Response response = api.query("/api/v1/remediation-history",
				Map.of("targetKind", "Deployment", "targetName", "cart", "targetNamespace", parts[0]));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.text("targetResource")).isEqualTo(target);
		JsonNode entries = response.body().path("remediations");
		assertThat(entries.findValuesAsString("remediationId")).containsExactly(running, completed, failed);
		assertThat(entries.path(0).path("outcome").asString()).isEqualTo("InProgress");
		assertThat(entries.path(0).has("completedAt")).isFalse();
		assertThat(entries.path(1).path("outcome").asString()).isEqualTo("Completed");
		assertThat(entries.path(1).path("workflowId").asString()).isEqualTo("wf-rollback");
		assertThat(entries.path(1).path("completedAt").asString()).isEqualTo("2026-11-20T10:12:00Z");
		assertThat(entries.path(2).path("outcome").asString()).isEqualTo("Failed");
		assertThat(entries.path(2).path("actionType").asString()).isEqualTo("RestartDeployment");
		assertThat(entries.path(2).path("failureReason").asString()).isEqualTo("pods still crash");
		assertThat(entries.path(2).path("startedAt").asString()).isEqualTo("2026-11-20T10:00:00Z");
	}

	@Test
	void refusesAMissingTarget() {
		Response refused = new CatalogApi(this.client).query("/api/v1/remediation-history",
				Map.of("targetKind", "Deployment", "targetName", " "));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body().path("errors").path(0).path("field").asString()).isEqualTo("targetName");
	}

	private static Map<String, Object> event(String correlationId, String type, int minute, String target,
			Map<String, Object> data) {
		Map<String, Object> eventData = new LinkedHashMap<>(data);
		eventData.put("target_resource", target);
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("version", "1.0");
		event.put("event_type", type);
		event.put("event_timestamp", T0.plusSeconds(60L * minute).toString());
		event.put("event_category", "orchestration");
		event.put("event_action", type.substring(type.lastIndexOf('.') + 1));
		event.put("event_outcome", type.endsWith("failed") ? "failure" : "success");
		event.put("correlation_id", correlationId);
		event.put("event_data", eventData);
		return event;
	}

}
