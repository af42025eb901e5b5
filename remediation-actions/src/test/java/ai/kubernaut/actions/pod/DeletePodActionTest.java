package ai.kubernaut.actions.pod;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.mockwebserver.http.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.kubernaut.actions.ActionContext;
import ai.kubernaut.actions.ActionSkippedException;
import ai.kubernaut.actions.MockCluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SuppressWarnings("unchecked")
class DeletePodActionTest {

	private static MockCluster cluster;

	private static DeletePodAction delete;

	@BeforeAll
	static void start() {
		cluster = MockCluster.start();
		delete = new DeletePodAction(cluster.client(), cluster.mutator().guardrails());
	}

	@AfterAll
	static void stop() {
		cluster.close();
	}

	@Test
	void deletesTheTargetPodSoItsControllerReplacesIt() {
		String namespace = cluster.managedNamespace("delete");
		pod(namespace, "web-abc", true);

		Map<String, Object> output = delete.execute(podTarget(namespace, "web-abc", Map.of()));

		assertThat(cluster.client().pods().inNamespace(namespace).withName("web-abc").get()).isNull();
		assertThat(output).containsEntry("deleted", true)
			.containsEntry("controller", "ReplicaSet/web")
			.containsEntry("irreversible", true)
			.containsEntry("rollback", null);
	}

	@Test
	void podNameNamesAnotherPodThanTheTargetAndTheGracePeriodIsSent() {
		String namespace = cluster.managedNamespace("named");
		pod(namespace, "web-xyz", true);
		cluster.requests();

		delete.execute(
				MockCluster.context("restart", Map.of("TARGET_RESOURCE_KIND", "Deployment", "TARGET_RESOURCE_NAMESPACE",
						namespace, "TARGET_RESOURCE_NAME", "web", "POD_NAME", "web-xyz", "GRACE_PERIOD_SECONDS", "5")));

		RecordedRequest deletion = cluster.writes().get(0);
		assertThat(deletion.getMethod()).isEqualTo("DELETE");
		assertThat(deletion.getBody().readUtf8()).contains("\"gracePeriodSeconds\":5");
		assertThat(cluster.client().pods().inNamespace(namespace).withName("web-xyz").get()).isNull();
	}

	@Test
	void aReplayFindsThePodGoneAndReportsIt() {
		String namespace = cluster.managedNamespace("replay");
		pod(namespace, "web-abc", true);
		ActionContext context = podTarget(namespace, "web-abc", Map.of());
		delete.execute(context);
		cluster.requests();

		Map<String, Object> again = delete.execute(context);

		assertThat(again).containsEntry("deleted", false).containsEntry("alreadyGone", true);
		assertThat(cluster.writes()).isEmpty();
	}

	@Test
	void aPodNoControllerWouldRecreateIsRefusedUnlessAllowed() {
		String namespace = cluster.managedNamespace("bare");
		pod(namespace, "debug", false);

		assertThatIllegalStateException().isThrownBy(() -> delete.execute(podTarget(namespace, "debug", Map.of())))
			.withMessageContaining("has no controller")
			.withMessageContaining("ALLOW_UNOWNED=true");
		assertThat(cluster.client().pods().inNamespace(namespace).withName("debug").get()).isNotNull();

		delete.execute(podTarget(namespace, "debug", Map.of("ALLOW_UNOWNED", "true")));
		assertThat(cluster.client().pods().inNamespace(namespace).withName("debug").get()).isNull();
	}

	@Test
	void dryRunAsksTheServerAndDeletesNothing() {
		String namespace = cluster.managedNamespace("dry");
		pod(namespace, "web-abc", true);
		cluster.server()
			.expect()
			.delete()
			.withPath("/api/v1/namespaces/" + namespace + "/pods/web-abc?dryRun=All")
			.andReturn(200, new StatusBuilder().withStatus("Success").build())
			.always();

		Map<String, Object> output = delete.preview(podTarget(namespace, "web-abc", Map.of()));

		assertThat(output).containsEntry("dryRun", true).containsEntry("deleted", false);
		assertThat((List<Object>) output.get("changes"))
			.containsExactly("would delete Pod/" + namespace + "/web-abc (recreated by ReplicaSet web)");
		assertThat(cluster.client().pods().inNamespace(namespace).withName("web-abc").get()).isNotNull();
	}

	@Test
	void aPodInKubeSystemOrAnUnmanagedNamespaceIsNeverDeleted() {
		pod("kube-system", "coredns-1", true);
		cluster.create(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
			.withName("unmanaged")
			.endMetadata()
			.build());
		pod("unmanaged", "web-1", true);
		cluster.requests();

		assertThatThrownBy(() -> delete.execute(podTarget("kube-system", "coredns-1", Map.of())))
			.isInstanceOf(ActionSkippedException.class)
			.extracting((ex) -> ((ActionSkippedException) ex).reason())
			.isEqualTo("NamespaceDenied");
		assertThatThrownBy(() -> delete.execute(podTarget("unmanaged", "web-1", Map.of())))
			.isInstanceOf(ActionSkippedException.class)
			.extracting((ex) -> ((ActionSkippedException) ex).reason())
			.isEqualTo("NamespaceNotManaged");
		assertThat(cluster.writes()).isEmpty();
		assertThat(cluster.client().pods().inNamespace("kube-system").withName("coredns-1").get()).isNotNull();
	}

	@Test
	void validationNamesTheBadParameters() {
		assertThat(delete.validate(
				Map.of("TARGET_RESOURCE_KIND", "Deployment", "GRACE_PERIOD_SECONDS", "soon", "ALLOW_UNOWNED", "maybe")))
			.containsExactly("POD_NAME is required when the target is not a Pod (target kind: \"Deployment\")",
					"GRACE_PERIOD_SECONDS must be a whole number of seconds, got \"soon\"",
					"ALLOW_UNOWNED must be true or false, got \"maybe\"");
		assertThat(delete.validate(Map.of("TARGET_RESOURCE_KIND", "Pod", "GRACE_PERIOD_SECONDS", "-1")))
			.containsExactly("GRACE_PERIOD_SECONDS must be between 0 and 3600, got \"-1\"");
	}

	private static ActionContext podTarget(String namespace, String name, Map<String, Object> extra) {
		Map<String, Object> parameters = new java.util.HashMap<>(extra);
		parameters.put("TARGET_RESOURCE_KIND", "Pod");
		parameters.put("TARGET_RESOURCE_NAMESPACE", namespace);
		parameters.put("TARGET_RESOURCE_NAME", name);
		return new ActionContext(UUID.randomUUID(), "delete", parameters);
	}

	private static void pod(String namespace, String name, boolean owned) {
		PodBuilder pod = new PodBuilder().withNewMetadata()
			.withName(name)
			.withNamespace(namespace)
			.endMetadata()
			.withNewSpec()
			.addNewContainer()
			.withName("app")
			.withImage("app:1")
			.endContainer()
			.endSpec();
		if (owned) {
			pod.editMetadata()
				.withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("apps/v1")
					.withKind("ReplicaSet")
					.withName("web")
					.withUid(UUID.randomUUID().toString())
					.withController(true)
					.build())
				.endMetadata();
		}
		cluster.create(pod.build());
	}

}
