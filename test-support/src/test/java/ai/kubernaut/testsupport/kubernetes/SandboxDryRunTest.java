package ai.kubernaut.testsupport.kubernetes;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxDryRunTest {

	static SandboxKubernetes sandbox;

	static KubernetesClient client;

	@BeforeAll
	static void start() {
		sandbox = SandboxKubernetes.start(0);
		client = sandbox.client();
	}

	@AfterAll
	static void stop() {
		sandbox.close();
	}

	@Test
	void answersADryRunJsonPatchWithTheResultAndStoresNothing() {
		client.configMaps().inNamespace("dry").resource(configMap("pool", "100")).create();
		PatchContext dryRun = new PatchContext.Builder().withPatchType(PatchType.JSON)
			.withDryRun(List.of("All"))
			.build();

		ConfigMap answer = client.configMaps()
			.inNamespace("dry")
			.withName("pool")
			.patch(dryRun, "[{\"op\":\"replace\",\"path\":\"/data/DATABASE_POOL_SIZE\",\"value\":\"200\"}]");

		assertThat(answer.getData()).containsEntry("DATABASE_POOL_SIZE", "200");
		assertThat(client.configMaps().inNamespace("dry").withName("pool").get().getData())
			.containsEntry("DATABASE_POOL_SIZE", "100");
	}

	@Test
	void answersADryRunMergePatchAndCreateWithoutStoring() {
		client.configMaps().inNamespace("merge").resource(configMap("pool", "100")).create();
		PatchContext dryRun = new PatchContext.Builder().withPatchType(PatchType.JSON_MERGE)
			.withDryRun(List.of("All"))
			.build();

		ConfigMap answer = client.configMaps()
			.inNamespace("merge")
			.withName("pool")
			.patch(dryRun, "{\"data\":{\"DATABASE_POOL_SIZE\":\"300\"}}");
		client.configMaps().inNamespace("merge").resource(configMap("other", "1")).dryRun().create();

		assertThat(answer.getData()).containsEntry("DATABASE_POOL_SIZE", "300");
		assertThat(client.configMaps().inNamespace("merge").withName("pool").get().getData())
			.isEqualTo(Map.of("DATABASE_POOL_SIZE", "100"));
		assertThat(client.configMaps().inNamespace("merge").withName("other").get()).isNull();
	}

	@Test
	void stillStoresWritesThatAreNotDryRuns() {
		client.configMaps().inNamespace("real").resource(configMap("pool", "100")).create();

		client.configMaps()
			.inNamespace("real")
			.withName("pool")
			.patch(PatchContext.of(PatchType.JSON),
					"[{\"op\":\"replace\",\"path\":\"/data/DATABASE_POOL_SIZE\",\"value\":\"200\"}]");

		assertThat(client.configMaps().inNamespace("real").withName("pool").get().getData())
			.containsEntry("DATABASE_POOL_SIZE", "200");
	}

	@Test
	void answersADryRunPatchTheStoreWouldAccept() {
		client.configMaps().inNamespace("same").resource(configMap("pool", "100")).create();
		String patch = "[{\"op\":\"add\",\"path\":\"/metadata/annotations\",\"value\":{}},"
				+ "{\"op\":\"add\",\"path\":\"/metadata/annotations/kubernaut.ai~1remediation-step\",\"value\":\"x/y\"}]";
		PatchContext dryRun = new PatchContext.Builder().withPatchType(PatchType.JSON)
			.withDryRun(List.of("All"))
			.build();

		ConfigMap previewed = client.configMaps().inNamespace("same").withName("pool").patch(dryRun, patch);
		ConfigMap stored = client.configMaps()
			.inNamespace("same")
			.withName("pool")
			.patch(PatchContext.of(PatchType.JSON), patch);

		assertThat(previewed.getMetadata().getAnnotations()).isEqualTo(stored.getMetadata().getAnnotations())
			.containsEntry("kubernaut.ai/remediation-step", "x/y");
	}

	private static ConfigMap configMap(String name, String poolSize) {
		return new ConfigMapBuilder().withNewMetadata()
			.withName(name)
			.endMetadata()
			.addToData("DATABASE_POOL_SIZE", poolSize)
			.build();
	}

}
