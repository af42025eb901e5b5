package ai.kubernaut.actions.workload;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import ai.kubernaut.actions.ActionContext;
import ai.kubernaut.actions.MockCluster;
import ai.kubernaut.actions.mutation.ObjectMutator;
import ai.kubernaut.actions.mutation.RestoreSnapshotAction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every workload action test needs: the mock cluster, the checkout fixture loaded
 * into a fresh managed namespace per test, and the snapshot restore.
 */
abstract class WorkloadActionTest {

	static MockCluster cluster;

	ObjectMutator mutator;

	String namespace;

	final UUID execution = UUID.randomUUID();

	@BeforeAll
	static void start() {
		cluster = MockCluster.start();
		load("fixtures/storage-classes.yaml", null);
	}

	@AfterAll
	static void stop() {
		cluster.close();
	}

	@BeforeEach
	void namespace() {
		this.mutator = cluster.mutator();
		this.namespace = cluster.managedNamespace("checkout");
		load("fixtures/checkout.yaml", this.namespace);
	}

	static void load(String fixture, String namespace) {
		try (InputStream yaml = WorkloadActionTest.class.getClassLoader().getResourceAsStream(fixture)) {
			for (HasMetadata object : cluster.client().load(yaml).items()) {
				if (namespace != null) {
					object.getMetadata().setNamespace(namespace);
				}
				cluster.client().resource(object).create();
			}
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/**
	 * The step's parameters: the target plus {@code pairs} (name, value, name, value...).
	 */
	Map<String, Object> parameters(String kind, String name, Object... pairs) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put(Target.KIND, kind);
		parameters.put(Target.NAMESPACE, this.namespace);
		parameters.put(Target.NAME, name);
		for (int i = 0; i < pairs.length; i += 2) {
			parameters.put((String) pairs[i], pairs[i + 1]);
		}
		return parameters;
	}

	ActionContext context(Map<String, Object> parameters) {
		return new ActionContext(this.execution, "step-1", parameters);
	}

	/**
	 * Runs the compensation the step's output recorded, as the engine does.
	 */
	@SuppressWarnings("unchecked")
	Map<String, Object> rollBack(Map<String, Object> output) {
		Map<String, Object> rollback = (Map<String, Object>) output.get("rollback");
		assertThat(rollback).as("the step recorded its compensation")
			.containsEntry("action", RestoreSnapshotAction.NAME_OF_ACTION);
		return new RestoreSnapshotAction(this.mutator)
			.execute(new ActionContext(this.execution, "step-1", (Map<String, Object>) rollback.get("parameters")));
	}

	@SuppressWarnings("unchecked")
	static java.util.List<String> changes(Map<String, Object> output) {
		return (java.util.List<String>) output.get("changes");
	}

	<T extends HasMetadata> T read(Class<T> type, String name) {
		return cluster.client().resources(type).inNamespace(this.namespace).withName(name).get();
	}

	<T extends HasMetadata> String version(Class<T> type, String name) {
		return read(type, name).getMetadata().getResourceVersion();
	}

	/**
	 * Stubs the dry-run patch of {@code resource} (e.g. {@code deployments/checkout}
	 * under {@code /apis/apps/v1}) so it stores nothing.
	 */
	void stubDryRun(String apiPrefix, String resource, HasMetadata response) {
		cluster.stubDryRunPatch(apiPrefix + "/namespaces/" + this.namespace + "/" + resource, response);
	}

}
