package ai.kubernaut.actions.observe;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.kubernaut.actions.MockCluster;

import static org.assertj.core.api.Assertions.assertThat;

@SuppressWarnings("unchecked")
class CollectDiagnosticsActionTest {

	private static MockCluster cluster;

	@BeforeAll
	static void start() {
		cluster = MockCluster.start();
	}

	@AfterAll
	static void stop() {
		cluster.close();
	}

	@Test
	void storesTheObjectYamlItsEventsAndTheLogsOfItsPods() {
		String namespace = cluster.managedNamespace("diag");
		seed(namespace);
		stubLog(namespace, "web-1", "", "line 1\nline 2\n");
		stubLog(namespace, "web-1", "&previous=true", "java.lang.OutOfMemoryError: Java heap space\n");

		Map<String, Object> output = new CollectDiagnosticsAction(cluster.client(), 64 * 1024, 512 * 1024)
			.execute(MockCluster.context("diag", WaitForRolloutActionTest.target(namespace, "Deployment", "web")));

		assertThat(output.get("yaml").toString()).contains("name: \"web\"", "LOG_LEVEL", "info")
			.doesNotContain("hunter2")
			.contains("<redacted>");
		assertThat((List<Map<String, Object>>) output.get("events")).extracting((event) -> event.get("reason"))
			.containsExactly("ScalingReplicaSet");
		List<Map<String, Object>> pods = (List<Map<String, Object>>) output.get("pods");
		assertThat(pods).singleElement().satisfies((pod) -> assertThat(pod).containsEntry("name", "web-1"));
		Map<String, Object> container = ((List<Map<String, Object>>) pods.get(0).get("containers")).get(0);
		assertThat(container).containsEntry("log", "line 1\nline 2\n")
			.containsEntry("restartCount", 2)
			.containsEntry("lastTerminationReason", "OOMKilled")
			.containsEntry("previousLog", "java.lang.OutOfMemoryError: Java heap space\n");
		assertThat(output).containsEntry("truncated", false);
	}

	@Test
	void theOutputNeverExceedsItsLimitAndSaysItWasCut() {
		String namespace = cluster.managedNamespace("bounded");
		seed(namespace);
		stubLog(namespace, "web-1", "", "x".repeat(10_000) + "THE END\n");
		stubLog(namespace, "web-1", "&previous=true", "");

		Map<String, Object> output = new CollectDiagnosticsAction(cluster.client(), 64 * 1024, 4 * 1024)
			.execute(MockCluster.context("diag", WaitForRolloutActionTest.target(namespace, "Deployment", "web")));

		assertThat(output).containsEntry("truncated", true);
		Map<String, Object> container = ((List<Map<String, Object>>) ((List<Map<String, Object>>) output.get("pods"))
			.get(0)
			.get("containers")).get(0);
		assertThat(container.get("log").toString()).startsWith("<cut: output limit reached>").endsWith("THE END\n");
		int size = output.get("yaml").toString().length() + container.get("log").toString().length();
		assertThat(size).isLessThanOrEqualTo(4 * 1024 + 64);
	}

	@Test
	void aLogThatCannotBeReadIsReportedNotFatal() {
		String namespace = cluster.managedNamespace("nolog");
		seed(namespace);
		cluster.server()
			.expect()
			.get()
			.withPath("/api/v1/namespaces/" + namespace
					+ "/pods/web-1/log?pretty=false&container=app&tailLines=200&limitBytes=1024")
			.andReturn(400,
					new io.fabric8.kubernetes.api.model.StatusBuilder().withCode(400)
						.withMessage("container \"app\" in pod \"web-1\" is waiting to start: ContainerCreating")
						.build())
			.always();
		stubLog(namespace, "web-1", "&previous=true", "");

		Map<String, Object> output = new CollectDiagnosticsAction(cluster.client(), 1024, 64 * 1024)
			.execute(MockCluster.context("diag", WaitForRolloutActionTest.target(namespace, "Deployment", "web")));

		assertThat(output.get("pods").toString())
			.contains("log=<log not available: container \"app\" in pod \"web-1\" is waiting to start");
	}

	@Test
	void saysWhatItDidNotCollectWhenAskedForAHeapDump() {
		String namespace = cluster.managedNamespace("heap");
		seed(namespace);
		Map<String, Object> parameters = new java.util.HashMap<>(
				WaitForRolloutActionTest.target(namespace, "Deployment", "web"));
		parameters.put("type", "heap_dump");
		parameters.put("MAX_PODS", "0");

		Map<String, Object> output = new CollectDiagnosticsAction(cluster.client(), 1024, 64 * 1024)
			.execute(MockCluster.context("diag", parameters));

		assertThat(output.get("notCollected").toString()).contains("kubernaut.engine.jobs.bundles.create_heap_dump");
	}

	@Test
	void validationBoundsPodsAndLines() {
		assertThat(new CollectDiagnosticsAction(cluster.client(), 1024, 1024)
			.validate(Map.of("MAX_PODS", "50", "TAIL_LINES", "many", "TARGET_RESOURCE_KIND", "Widget")))
			.containsExactly("MAX_PODS must be between 0 and 10, got \"50\"",
					"TAIL_LINES must be a whole number, got \"many\"",
					"TARGET_RESOURCE_API_VERSION is required to diagnose a Widget");
	}

	private static void seed(String namespace) {
		cluster.create(WaitForRolloutActionTest.deployment(namespace, "web", 1));
		cluster.create(new PodBuilder().withNewMetadata()
			.withName("web-1")
			.withNamespace(namespace)
			.addToLabels("app", "web")
			.endMetadata()
			.withNewSpec()
			.addNewContainer()
			.withName("app")
			.withImage("app:1")
			.endContainer()
			.endSpec()
			.withNewStatus()
			.withPhase("Running")
			.withContainerStatuses(new ContainerStatusBuilder().withName("app")
				.withReady(true)
				.withRestartCount(2)
				.withNewLastState()
				.withNewTerminated()
				.withReason("OOMKilled")
				.withExitCode(137)
				.endTerminated()
				.endLastState()
				.build())
			.endStatus()
			.build());
		cluster.create(new PodBuilder().withNewMetadata()
			.withName("other-1")
			.withNamespace(namespace)
			.addToLabels("app", "other")
			.endMetadata()
			.withNewSpec()
			.addNewContainer()
			.withName("app")
			.withImage("app:1")
			.endContainer()
			.endSpec()
			.build());
		cluster.create(new EventBuilder().withNewMetadata()
			.withName("web.1")
			.withNamespace(namespace)
			.endMetadata()
			.withNewInvolvedObject()
			.withKind("Deployment")
			.withName("web")
			.withNamespace(namespace)
			.endInvolvedObject()
			.withType("Normal")
			.withReason("ScalingReplicaSet")
			.withMessage("Scaled up replica set web-abc to 1")
			.withCount(1)
			.build());
		cluster.create(new EventBuilder().withNewMetadata()
			.withName("other.1")
			.withNamespace(namespace)
			.endMetadata()
			.withNewInvolvedObject()
			.withKind("Deployment")
			.withName("other")
			.withNamespace(namespace)
			.endInvolvedObject()
			.withReason("Unrelated")
			.build());
	}

	private static void stubLog(String namespace, String pod, String extra, String body) {
		String query = extra.isEmpty() ? "?pretty=false&container=app&tailLines=200&limitBytes=65536"
				: "?pretty=false&container=app&previous=true&tailLines=200";
		cluster.server()
			.expect()
			.get()
			.withPath("/api/v1/namespaces/" + namespace + "/pods/" + pod + "/log" + query)
			.andReturn(200, body)
			.always();
	}

}
