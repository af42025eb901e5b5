package ai.kubernaut.engine.clusteractions;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.kubernaut.actions.ActionContext;
import ai.kubernaut.actions.ActionRegistry;
import ai.kubernaut.actions.mutation.GuardrailSettings;
import ai.kubernaut.actions.mutation.Guardrails;
import ai.kubernaut.actions.mutation.ObjectMutator;
import ai.kubernaut.actions.pod.DeletePodAction;
import ai.kubernaut.actions.workload.RestartAction;
import ai.kubernaut.testsupport.kubernetes.SandboxKubernetes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed recommendations run through the aliases against the sandbox API, unchanged.
 */
class ClusterActionAliasesTest {

	private static SandboxKubernetes sandbox;

	private static ActionRegistry registry;

	@BeforeAll
	static void start() {
		sandbox = SandboxKubernetes.start(0);
		Clock clock = Clock.systemUTC();
		Guardrails guardrails = new Guardrails(GuardrailSettings.defaults(), sandbox.client(), clock);
		ObjectMutator mutator = new ObjectMutator(sandbox.client(), guardrails);
		registry = new ActionRegistry(List.of(RestartAction.deployment(mutator, clock),
				RestartAction.statefulSet(mutator, clock), new DeletePodAction(sandbox.client(), guardrails)),
				ClusterActionAliases.all().aliases());
	}

	@AfterAll
	static void stop() {
		sandbox.close();
	}

	@Test
	void restartPodWithStrategyRollingRestartsTheDeploymentNamedByTheRecommendation() {
		String namespace = "production-" + UUID.randomUUID().toString().substring(0, 8);
		sandbox.client()
			.namespaces()
			.resource(new NamespaceBuilder().withNewMetadata()
				.withName(namespace)
				.addToLabels(Guardrails.MANAGED_LABEL, "true")
				.endMetadata()
				.build())
			.create();
		sandbox.client().resource(deployment(namespace, "payment-service")).create();

		Map<String, Object> output = registry.find("restart_pod")
			.orElseThrow()
			.execute(new ActionContext(UUID.randomUUID(), "rec-004",
					Map.of("deployment", "payment-service", "namespace", namespace, "strategy", "rolling")));

		Deployment restarted = sandbox.client()
			.apps()
			.deployments()
			.inNamespace(namespace)
			.withName("payment-service")
			.get();
		assertThat(restarted.getSpec().getTemplate().getMetadata().getAnnotations())
			.containsKey(RestartAction.ANNOTATION);
		assertThat(output).containsEntry("aliasOf", "restart_deployment");
	}

	private static Deployment deployment(String namespace, String name) {
		return new DeploymentBuilder().withNewMetadata()
			.withName(name)
			.withNamespace(namespace)
			.endMetadata()
			.withNewSpec()
			.withReplicas(1)
			.withNewSelector()
			.addToMatchLabels("app", name)
			.endSelector()
			.withNewTemplate()
			.withNewMetadata()
			.addToLabels("app", name)
			.endMetadata()
			.withNewSpec()
			.addNewContainer()
			.withName("app")
			.withImage("app:1")
			.endContainer()
			.endSpec()
			.endTemplate()
			.endSpec()
			.build();
	}

}
