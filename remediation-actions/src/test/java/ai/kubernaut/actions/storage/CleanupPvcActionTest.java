package ai.kubernaut.actions.storage;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.kubernaut.actions.ActionContext;
import ai.kubernaut.actions.ActionSkippedException;
import ai.kubernaut.actions.MockCluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SuppressWarnings("unchecked")
class CleanupPvcActionTest {

	private static MockCluster cluster;

	private static CleanupPvcAction cleanup;

	@BeforeAll
	static void start() {
		cluster = MockCluster.start();
		cleanup = new CleanupPvcAction(cluster.client(), cluster.mutator().guardrails());
	}

	@AfterAll
	static void stop() {
		cluster.close();
	}

	@Test
	void deletesOnlyMatchingClaimsNoLivePodMountsAndSaysWhyOthersWereKept() {
		String namespace = cluster.managedNamespace("pvc");
		claim(namespace, "scratch-1", "completed", Map.of());
		claim(namespace, "scratch-2", "completed", Map.of());
		claim(namespace, "scratch-3", "completed", Map.of());
		claim(namespace, "scratch-4", "completed", Map.of(CleanupPvcAction.KEEP_ANNOTATION, "true"));
		claim(namespace, "data", "live", Map.of());
		pod(namespace, "batch-live", "scratch-1", "Running");
		pod(namespace, "batch-done", "scratch-2", "Succeeded");

		Map<String, Object> output = cleanup.execute(context(namespace, Map.of("SELECTOR", "batch-run=completed")));

		assertThat(claims(namespace)).containsExactlyInAnyOrder("scratch-1", "scratch-4", "data");
		assertThat((List<Map<String, Object>>) output.get("deleted")).extracting((entry) -> entry.get("name"))
			.containsExactlyInAnyOrder("scratch-2", "scratch-3");
		assertThat((List<Map<String, Object>>) output.get("kept")).containsExactlyInAnyOrder(
				Map.of("name", "scratch-1", "reason", "mounted by pod batch-live"),
				Map.of("name", "scratch-4", "reason", "annotated kubernaut.ai/keep=true"));
		assertThat(output).containsEntry("irreversible", true).containsEntry("rollback", null);
	}

	@Test
	void aReplayDeletesNothingMore() {
		String namespace = cluster.managedNamespace("replay");
		claim(namespace, "scratch-1", "completed", Map.of());
		ActionContext context = context(namespace, Map.of("LABEL_SELECTOR", "batch-run=completed"));
		cleanup.execute(context);
		cluster.requests();

		Map<String, Object> again = cleanup.execute(context);

		assertThat((List<Object>) again.get("deleted")).isEmpty();
		assertThat(cluster.writes()).isEmpty();
	}

	@Test
	void dryRunListsWhatWouldGoAndDeletesNothing() {
		String namespace = cluster.managedNamespace("dry");
		claim(namespace, "scratch-1", "completed", Map.of());
		cluster.server()
			.expect()
			.delete()
			.withPath("/api/v1/namespaces/" + namespace + "/persistentvolumeclaims/scratch-1?dryRun=All")
			.andReturn(200, new StatusBuilder().withStatus("Success").build())
			.always();

		Map<String, Object> output = cleanup.preview(context(namespace, Map.of("SELECTOR", "batch-run=completed")));

		assertThat((List<Object>) output.get("changes"))
			.containsExactly("would delete PersistentVolumeClaim/" + namespace + "/scratch-1");
		assertThat(claims(namespace)).containsExactly("scratch-1");
	}

	@Test
	void anUnmanagedNamespaceIsNeverTouched() {
		cluster.create(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
			.withName("unmanaged-pvc")
			.endMetadata()
			.build());
		claim("unmanaged-pvc", "scratch-1", "completed", Map.of());

		assertThatThrownBy(() -> cleanup.execute(context("unmanaged-pvc", Map.of("SELECTOR", "batch-run=completed"))))
			.isInstanceOf(ActionSkippedException.class);
		assertThat(claims("unmanaged-pvc")).containsExactly("scratch-1");
	}

	@Test
	void validationRequiresAWellFormedSelector() {
		assertThat(cleanup.validate(Map.of())).singleElement().asString().startsWith("SELECTOR is required");
		assertThat(cleanup.validate(Map.of("SELECTOR", "a=b=c"))).singleElement()
			.asString()
			.startsWith("SELECTOR must be a label selector");
		assertThat(cleanup.validate(Map.of("SELECTOR", "app=batch,tier in (a, b),!legacy"))).isEmpty();
	}

	private static ActionContext context(String namespace, Map<String, Object> extra) {
		Map<String, Object> parameters = new java.util.HashMap<>(extra);
		parameters.put("TARGET_RESOURCE_KIND", "PersistentVolumeClaim");
		parameters.put("TARGET_RESOURCE_NAMESPACE", namespace);
		return new ActionContext(UUID.randomUUID(), "cleanup", parameters);
	}

	private static List<String> claims(String namespace) {
		return cluster.client()
			.persistentVolumeClaims()
			.inNamespace(namespace)
			.list()
			.getItems()
			.stream()
			.map((claim) -> claim.getMetadata().getName())
			.toList();
	}

	private static void claim(String namespace, String name, String run, Map<String, String> annotations) {
		cluster.create(new PersistentVolumeClaimBuilder().withNewMetadata()
			.withName(name)
			.withNamespace(namespace)
			.addToLabels("batch-run", run)
			.withAnnotations(annotations)
			.endMetadata()
			.withNewSpec()
			.withAccessModes("ReadWriteOnce")
			.withNewResources()
			.addToRequests("storage", new Quantity("1Gi"))
			.endResources()
			.endSpec()
			.build());
	}

	private static void pod(String namespace, String name, String claim, String phase) {
		cluster.create(new PodBuilder().withNewMetadata()
			.withName(name)
			.withNamespace(namespace)
			.endMetadata()
			.withNewSpec()
			.addNewContainer()
			.withName("app")
			.withImage("app:1")
			.endContainer()
			.addNewVolume()
			.withName("data")
			.withNewPersistentVolumeClaim()
			.withClaimName(claim)
			.endPersistentVolumeClaim()
			.endVolume()
			.endSpec()
			.withNewStatus()
			.withPhase(phase)
			.endStatus()
			.build());
	}

}
