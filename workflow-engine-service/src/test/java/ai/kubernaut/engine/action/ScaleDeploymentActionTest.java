package ai.kubernaut.engine.action;

import ai.kubernaut.actions.ActionContext;

import java.util.Map;
import java.util.UUID;

import ai.kubernaut.engine.Fixtures;
import ai.kubernaut.engine.cluster.ClusterObjectNotFoundException;
import ai.kubernaut.engine.cluster.Fabric8ClusterOperations;
import ai.kubernaut.testsupport.kubernetes.SandboxKubernetes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The scale action against the sandbox API, through the real fabric8 port, with a limit
 * of 5 replicas.
 */
class ScaleDeploymentActionTest {

	static SandboxKubernetes sandbox;

	static ScaleDeploymentAction action;

	@BeforeAll
	static void startSandbox() {
		sandbox = SandboxKubernetes.start(0);
		action = new ScaleDeploymentAction(new Fabric8ClusterOperations(sandbox.client()), new LimitsProperties(5));
	}

	@AfterAll
	static void stopSandbox() {
		sandbox.close();
	}

	@Test
	void setsAnAbsoluteCount() {
		assertThat(scale("absolute", 3, "2")).isEqualTo(Map.of("previousReplicas", 3, "replicas", 2));
		assertThat(replicas("absolute")).isEqualTo(2);
	}

	@Test
	void addsToTheCurrentCount() {
		assertThat(scale("plus-one", 3, "+1")).isEqualTo(Map.of("previousReplicas", 3, "replicas", 4));
		assertThat(replicas("plus-one")).isEqualTo(4);
	}

	@Test
	void removesFromTheCurrentCount() {
		assertThat(scale("minus-one", 3, "-1")).containsEntry("replicas", 2);
	}

	@Test
	void neverScalesBelowZero() {
		assertThat(scale("below-zero", 2, "-5")).containsEntry("replicas", 0).containsEntry("requestedReplicas", -3);
		assertThat(replicas("below-zero")).isZero();
	}

	@Test
	void capsAnIncreaseAtTheReplicaLimitAndSaysSo() {
		assertThat(scale("capped", 3, "+10"))
			.isEqualTo(Map.of("previousReplicas", 3, "replicas", 5, "requestedReplicas", 13, "maxReplicas", 5));
		assertThat(replicas("capped")).isEqualTo(5);
	}

	@Test
	void capsAnAbsoluteCountAtTheReplicaLimit() {
		assertThat(scale("capped-absolute", 1, "50")).containsEntry("replicas", 5);
	}

	@Test
	void neverShrinksADeploymentAlreadyAboveTheLimitWhenAskedToGrow() {
		assertThat(scale("above-limit", 8, "+1")).containsEntry("previousReplicas", 8).containsEntry("replicas", 8);
		assertThat(replicas("above-limit")).isEqualTo(8);
	}

	@Test
	void aMissingDeploymentFailsNamingIt() {
		assertThatExceptionOfType(ClusterObjectNotFoundException.class)
			.isThrownBy(() -> action.execute(context("scale-missing", "ghost", "Deployment", "+1")))
			.withMessage("Deployment scale-missing/ghost does not exist");
	}

	@Test
	void refusesATargetThatIsNotADeployment() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> action.execute(context("scale-kind", "db", "StatefulSet", "+1")))
			.withMessage(
					"scale_deployment scales Deployments, but the target is a StatefulSet (StatefulSet/scale-kind/db)");
	}

	@Test
	void refusesAReplicaCountItCannotRead() {
		sandbox.seed(Fixtures.deployment("scale-garbage", "api", 3));

		assertThatIllegalArgumentException()
			.isThrownBy(() -> action.execute(context("scale-garbage", "api", "Deployment", "three")))
			.withMessageContaining("got 'three'");
		assertThat(sandbox.client()
			.apps()
			.deployments()
			.inNamespace("scale-garbage")
			.withName("api")
			.get()
			.getSpec()
			.getReplicas()).isEqualTo(3);
	}

	private static Map<String, Object> scale(String namespace, int replicas, String change) {
		sandbox.seed(Fixtures.deployment("scale-" + namespace, "api", replicas));
		return action.execute(context("scale-" + namespace, "api", "Deployment", change));
	}

	private static int replicas(String namespace) {
		return sandbox.client()
			.apps()
			.deployments()
			.inNamespace("scale-" + namespace)
			.withName("api")
			.get()
			.getSpec()
			.getReplicas();
	}

	private static ActionContext context(String namespace, String name, String kind, String change) {
		return new ActionContext(UUID.randomUUID(), "scale", Map.of("TARGET_RESOURCE_NAMESPACE", namespace,
				"TARGET_RESOURCE_NAME", name, "TARGET_RESOURCE_KIND", kind, "SCALE_REPLICAS", change));
	}

}
