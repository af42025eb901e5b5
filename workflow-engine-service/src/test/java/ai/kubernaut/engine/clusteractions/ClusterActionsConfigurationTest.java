package ai.kubernaut.engine.clusteractions;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.Test;

import ai.kubernaut.actions.RemediationAction;
import ai.kubernaut.actions.alerting.SilenceAlertsAction;
import ai.kubernaut.actions.job.JobRunner;
import ai.kubernaut.actions.mutation.GuardrailSettings;
import ai.kubernaut.actions.mutation.Guardrails;
import ai.kubernaut.actions.mutation.ObjectMutator;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterActionsConfigurationTest {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(ClusterActionsConfiguration.class)
		.withBean(Clock.class, Clock::systemUTC)
		.withBean(KubernetesClient.class,
				() -> new KubernetesClientBuilder()
					.withConfig(new ConfigBuilder().withMasterUrl("http://127.0.0.1:9").build())
					.build());

	@Test
	void registersEveryActionAndEveryBundleUnderItsName() {
		this.contexts.run((context) -> {
			List<String> names = context.getBeansOfType(RemediationAction.class)
				.values()
				.stream()
				.map(RemediationAction::name)
				.toList();
			assertThat(names).contains("cordon_node", "uncordon_node", "remove_taint", "drain_node", "delete_pod",
					"cleanup_pvc", "wait_for_rollout", "health_check", "collect_diagnostics", "silence_alerts",
					"expire_silence", "run_job");
			assertThat(names).containsAll(BundleActionNames.ALL.keySet());
			assertThat(context.getBean(JobRunner.class).settings().namespace()).isEqualTo("kubernaut-workflows");
		});
	}

	@Test
	void bindsBundleImagesAndTheAlertmanagerUrl() {
		this.contexts
			.withPropertyValues("kubernaut.engine.jobs.bundles[backup_data]=registry.example/backup@sha256:1",
					"kubernaut.engine.jobs.bundles.create-heap-dump=registry.example/heap@sha256:2",
					"kubernaut.engine.jobs.namespace=remediation-jobs",
					"kubernaut.engine.alertmanager.url=http://alertmanager:9093")
			.run((context) -> {
				Map<String, RemediationAction> actions = context.getBeansOfType(RemediationAction.class);
				RemediationAction backup = byName(actions, "backup_data");
				RemediationAction heap = byName(actions, "create_heap_dump");
				RemediationAction failover = byName(actions, "failover_database");
				assertThat(backup.validate(Map.of())).isEmpty();
				assertThat(heap.validate(Map.of())).isEmpty();
				assertThat(failover.validate(Map.of())).singleElement()
					.asString()
					.endsWith("set kubernaut.engine.jobs.bundles.failover_database");
				assertThat(context.getBean(SilenceAlertsAction.class).validate(Map.of("ALERT_NAME", "X"))).isEmpty();
				assertThat(context.getBean(JobRunner.class).settings().namespace()).isEqualTo("remediation-jobs");
			});
	}

	@Test
	void withoutAnAlertmanagerUrlSilencesAreRefusedNamingTheProperty() {
		this.contexts
			.run((context) -> assertThat(context.getBean(SilenceAlertsAction.class).validate(Map.of("ALERT_NAME", "X")))
				.containsExactly("silence_alerts needs an Alertmanager: set kubernaut.engine.alertmanager.url"));
	}

	@Test
	void theEnginesOwnGuardRailsWinOverTheFallback() {
		this.contexts
			.withBean("engineGuardrails", Guardrails.class,
					() -> new Guardrails(GuardrailSettings.defaults().denying("kubernaut-system"),
							new KubernetesClientBuilder().build(), Clock.systemUTC()))
			.run((context) -> assertThat(
					context.getBean(ObjectMutator.class).guardrails().settings().deniedNamespaces())
				.contains("kubernaut-system"));
	}

	private static RemediationAction byName(Map<String, RemediationAction> actions, String name) {
		return actions.values().stream().filter((action) -> action.name().equals(name)).findFirst().orElseThrow();
	}

}
