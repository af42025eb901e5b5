package ai.kubernaut.actions.node;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.fabric8.mockwebserver.http.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.kubernaut.actions.ActionContext;
import ai.kubernaut.actions.MockCluster;
import ai.kubernaut.actions.mutation.Guardrails;
import ai.kubernaut.actions.observe.Poller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

@SuppressWarnings("unchecked")
class DrainNodeActionTest {

	private static MockCluster cluster;

	private static DrainNodeAction drain;

	@BeforeAll
	static void start() {
		cluster = MockCluster.start();
		drain = new DrainNodeAction(cluster.mutator(), new Poller(Clock.systemUTC(), Duration.ofMillis(20)));
	}

	@AfterAll
	static void stop() {
		cluster.close();
	}

	@Test
	void evictsControllerPodsAndSkipsDaemonSetMirrorAndOutOfScopePods() {
		String node = node();
		String namespace = cluster.managedNamespace("drain");
		pod(namespace, "web-1", node, "ReplicaSet", Map.of("app", "web"));
		pod(namespace, "web-2", node, "ReplicaSet", Map.of("app", "web"));
		pod(namespace, "agent", node, "DaemonSet", Map.of("app", "agent"));
		Pod mirror = pod(namespace, "etcd-static", node, "Node", Map.of());
		cluster.client().pods().resource(mirror).edit((p) -> {
			p.getMetadata().setAnnotations(Map.of(DrainNodeAction.MIRROR_ANNOTATION, "abc"));
			return p;
		});
		pod("kube-system", "coredns-" + node, node, "ReplicaSet", Map.of("k8s-app", "dns"));
		pod(namespace, "elsewhere", "other-node", "ReplicaSet", Map.of("app", "web"));
		stubEviction(namespace, "web-1", 201);
		stubEviction(namespace, "web-2", 201);
		cluster.requests();

		Map<String, Object> output = drainWhileTheyTerminate(target("drain", node, Map.of()), node, namespace, "web-1",
				"web-2");

		assertThat(cluster.client().nodes().withName(node).get().getSpec().getUnschedulable()).isTrue();
		assertThat((List<Object>) output.get("evicted")).containsExactlyInAnyOrder(namespace + "/web-1",
				namespace + "/web-2");
		assertThat((List<Map<String, Object>>) output.get("skipped")).extracting((skip) -> skip.get("pod"))
			.containsExactlyInAnyOrder(namespace + "/agent", namespace + "/etcd-static", "kube-system/coredns-" + node);
		assertThat(output.get("skipped").toString()).contains("DaemonSet pod", "mirror pod", "deny-list");
		assertThat(output).containsEntry("irreversible", true).containsEntry("rollback", null);
		assertThat(evictionsSent()).containsExactlyInAnyOrder("web-1", "web-2");
	}

	@Test
	void aWorkloadWhoseBudgetAllowsNoDisruptionLosesNoPodAndTheFailureSaysWhy() {
		String node = node();
		String namespace = cluster.managedNamespace("pdb");
		pod(namespace, "db-0", node, "StatefulSet", Map.of("app", "db"));
		pod(namespace, "db-1", node, "StatefulSet", Map.of("app", "db"));
		pod(namespace, "web-1", node, "ReplicaSet", Map.of("app", "web"));
		budget(namespace, "db-pdb", "db", 0);
		stubEviction(namespace, "web-1", 201);
		stubEviction(namespace, "db-0", 201);
		stubEviction(namespace, "db-1", 201);
		cluster.requests();

		assertThatIllegalStateException()
			.isThrownBy(() -> drain.execute(target("drain", node, Map.of("TIMEOUT", "1s"))))
			.withMessageContaining("Drain of node " + node + " incomplete after 1s")
			.withMessageContaining(
					"2 pod(s) held by PodDisruptionBudget " + namespace + "/db-pdb (allows 0 disruptions)")
			.withMessageContaining(namespace + "/db-0, " + namespace + "/db-1")
			.withMessageContaining("Evicted 1 pod(s) (" + namespace + "/web-1)")
			.withMessageContaining("The node stays cordoned");
		assertThat(evictionsSent()).containsExactly("web-1");
		assertThat(cluster.client().nodes().withName(node).get().getSpec().getUnschedulable()).isTrue();
	}

	@Test
	void anEvictionRefusedWith429IsRetriedUntilTheBudgetAllowsIt() {
		String node = node();
		String namespace = cluster.managedNamespace("retry");
		pod(namespace, "cache-1", node, "ReplicaSet", Map.of("app", "cache"));
		String path = "/api/v1/namespaces/" + namespace + "/pods/cache-1/eviction";
		cluster.server().expect().post().withPath(path).andReturn(429, tooManyRequests()).times(2);
		stubEviction(namespace, "cache-1", 201);
		cluster.requests();

		Map<String, Object> output = drainWhileTheyTerminate(target("drain", node, Map.of("TIMEOUT", "30s")), node,
				namespace, "cache-1");

		assertThat((List<Object>) output.get("evicted")).containsExactly(namespace + "/cache-1");
		assertThat(evictionsSent()).containsExactly("cache-1", "cache-1", "cache-1");
	}

	@Test
	void anEvictionStillRefusedAtTheTimeoutFailsTheStepNamingPodAndBudget() {
		String node = node();
		String namespace = cluster.managedNamespace("blocked");
		pod(namespace, "cache-1", node, "ReplicaSet", Map.of("app", "cache"));
		budget(namespace, "cache-pdb", "cache", null);
		cluster.server()
			.expect()
			.post()
			.withPath("/api/v1/namespaces/" + namespace + "/pods/cache-1/eviction")
			.andReturn(429, tooManyRequests())
			.always();

		assertThatIllegalStateException()
			.isThrownBy(() -> drain.execute(target("drain", node, Map.of("TIMEOUT", "1s"))))
			.withMessageContaining(
					"1 pod(s) held by PodDisruptionBudget " + namespace + "/cache-pdb: " + namespace + "/cache-1");
	}

	@Test
	void aReplayedDrainCordonsOnceAndSkipsPodsAlreadyGone() {
		String node = node();
		String namespace = cluster.managedNamespace("replay");
		pod(namespace, "web-1", node, "ReplicaSet", Map.of("app", "web"));
		stubEviction(namespace, "web-1", 201);
		ActionContext context = target("drain", node, Map.of());
		drainWhileTheyTerminate(context, node, namespace, "web-1");
		cluster.requests();

		Map<String, Object> again = drain.execute(context);

		assertThat(again).containsEntry("cordonAlreadyApplied", true);
		assertThat((List<Object>) again.get("evicted")).isEmpty();
		assertThat(cluster.writes()).isEmpty();
	}

	@Test
	void dryRunPreviewsTheCordonAndAsksTheServerAboutEachEvictionWithoutChangingAnything() {
		String node = node();
		String namespace = cluster.managedNamespace("preview");
		pod(namespace, "web-1", node, "ReplicaSet", Map.of("app", "web"));
		pod(namespace, "db-0", node, "StatefulSet", Map.of("app", "db"));
		budget(namespace, "db-pdb", "db", 0);
		cluster.stubDryRunPatch("/api/v1/nodes/" + node, cluster.client().nodes().withName(node).get());
		stubEviction(namespace, "web-1", 201);
		cluster.requests();

		Map<String, Object> output = drain.preview(target("drain", node, Map.of()));

		assertThat(output).containsEntry("dryRun", true);
		assertThat((List<Object>) output.get("wouldEvict")).containsExactly(namespace + "/web-1");
		assertThat(output.get("blocked").toString()).contains(namespace + "/db-0", "db-pdb");
		assertThat((List<Object>) output.get("changes")).containsExactly("would cordon Node/" + node,
				"would evict Pod/" + namespace + "/web-1");
		assertThat(cluster.client().nodes().withName(node).get().getSpec().getUnschedulable()).isNull();
		List<RecordedRequest> evictions = cluster.requests()
			.stream()
			.filter((request) -> request.getPath().endsWith("/eviction"))
			.toList();
		assertThat(evictions).hasSize(1);
		assertThat(evictions.get(0).getBody().readUtf8()).contains("\"dryRun\":[\"All\"]");
	}

	@Test
	void anEvictedPodThatDoesNotTerminateInTimeFailsTheStep() {
		String node = node();
		String namespace = cluster.managedNamespace("stuck");
		pod(namespace, "web-1", node, "ReplicaSet", Map.of("app", "web"));
		stubEviction(namespace, "web-1", 201);

		assertThatIllegalStateException()
			.isThrownBy(() -> drain.execute(target("drain", node, Map.of("TIMEOUT", "1s"))))
			.withMessageContaining("1 evicted pod(s) still terminating: " + namespace + "/web-1");
	}

	@Test
	void validationRejectsABadTimeoutAndAMissingNode() {
		assertThat(drain.validate(Map.of("TARGET_RESOURCE_KIND", "Deployment", "TIMEOUT", "2d"))).containsExactly(
				"NODE_NAME is required when the target is not a Node (target kind: \"Deployment\")",
				"TIMEOUT must be a duration such as 30s, 5m or 1h, got \"2d\"");
		assertThat(drain.validate(Map.of("NODE_NAME", "n", "TIMEOUT", "2h")))
			.containsExactly("TIMEOUT must be between 1s and 1h, got \"2h\"");
	}

	/**
	 * The stubbed evictions are accepted but, with no kubelet, nothing terminates the
	 * pods: the test does, once the drain has started (the stubs answer whether or not
	 * the pod still exists).
	 */
	private static Map<String, Object> drainWhileTheyTerminate(ActionContext context, String node, String namespace,
			String... pods) {
		CompletableFuture<Map<String, Object>> run = CompletableFuture.supplyAsync(() -> drain.execute(context));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> Boolean.TRUE
				.equals(cluster.client().nodes().withName(node).get().getSpec().getUnschedulable()));
		for (String pod : pods) {
			cluster.client().pods().inNamespace(namespace).withName(pod).delete();
		}
		return run.join();
	}

	private static List<String> evictionsSent() {
		return cluster.requests()
			.stream()
			.filter((request) -> "POST".equals(request.getMethod()) && request.getPath().endsWith("/eviction"))
			.map((request) -> request.getPath().split("/")[6])
			.toList();
	}

	private static void stubEviction(String namespace, String pod, int status) {
		cluster.server()
			.expect()
			.post()
			.withPath("/api/v1/namespaces/" + namespace + "/pods/" + pod + "/eviction")
			.andReturn(status, new StatusBuilder().withStatus("Success").build())
			.always();
	}

	private static Object tooManyRequests() {
		return new StatusBuilder().withStatus("Failure")
			.withCode(429)
			.withReason("TooManyRequests")
			.withMessage("Cannot evict pod as it would violate the pod's disruption budget.")
			.build();
	}

	private static ActionContext target(String step, String node, Map<String, Object> extra) {
		Map<String, Object> parameters = new HashMap<>(extra);
		parameters.put("TARGET_RESOURCE_KIND", "Node");
		parameters.put("TARGET_RESOURCE_NAME", node);
		return new ActionContext(UUID.randomUUID(), step, parameters);
	}

	private static String node() {
		String name = "worker-" + UUID.randomUUID().toString().substring(0, 8);
		cluster.create(new NodeBuilder().withNewMetadata()
			.withName(name)
			.addToLabels(Guardrails.MANAGED_LABEL, "true")
			.endMetadata()
			.withNewSpec()
			.endSpec()
			.build());
		return name;
	}

	private static Pod pod(String namespace, String name, String node, String ownerKind, Map<String, String> labels) {
		return cluster.create(new PodBuilder().withNewMetadata()
			.withName(name)
			.withNamespace(namespace)
			.withLabels(labels)
			.withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("apps/v1")
				.withKind(ownerKind)
				.withName(name + "-owner")
				.withUid(UUID.randomUUID().toString())
				.withController(true)
				.build())
			.endMetadata()
			.withNewSpec()
			.withNodeName(node)
			.addNewContainer()
			.withName("app")
			.withImage("app:1")
			.endContainer()
			.endSpec()
			.build());
	}

	private static PodDisruptionBudget budget(String namespace, String name, String app, Integer allowed) {
		PodDisruptionBudgetBuilder budget = new PodDisruptionBudgetBuilder().withNewMetadata()
			.withName(name)
			.withNamespace(namespace)
			.endMetadata()
			.withNewSpec()
			.withNewSelector()
			.addToMatchLabels("app", app)
			.endSelector()
			.endSpec();
		if (allowed != null) {
			budget.withNewStatus().withDisruptionsAllowed(allowed).endStatus();
		}
		return cluster.create(budget.build());
	}

}
