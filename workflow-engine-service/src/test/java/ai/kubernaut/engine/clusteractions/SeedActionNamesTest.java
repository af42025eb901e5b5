package ai.kubernaut.engine.clusteractions;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.kubernaut.actions.ActionAlias;
import ai.kubernaut.actions.ActionRegistry;
import ai.kubernaut.actions.RemediationAction;
import ai.kubernaut.actions.alerting.AlertmanagerSettings;
import ai.kubernaut.actions.alerting.ExpireSilenceAction;
import ai.kubernaut.actions.alerting.SilenceAlertsAction;
import ai.kubernaut.actions.job.JobBundleAction;
import ai.kubernaut.actions.job.JobRunner;
import ai.kubernaut.actions.job.JobSettings;
import ai.kubernaut.actions.job.RunJobAction;
import ai.kubernaut.actions.mutation.GuardrailSettings;
import ai.kubernaut.actions.mutation.Guardrails;
import ai.kubernaut.actions.mutation.ObjectMutator;
import ai.kubernaut.actions.node.CordonNodeAction;
import ai.kubernaut.actions.node.DrainNodeAction;
import ai.kubernaut.actions.node.RemoveTaintAction;
import ai.kubernaut.actions.node.UncordonNodeAction;
import ai.kubernaut.actions.observe.CollectDiagnosticsAction;
import ai.kubernaut.actions.observe.HealthCheckAction;
import ai.kubernaut.actions.observe.Poller;
import ai.kubernaut.actions.observe.WaitForRolloutAction;
import ai.kubernaut.actions.pod.DeletePodAction;
import ai.kubernaut.actions.storage.CleanupPvcAction;
import ai.kubernaut.actions.workload.EnableDebugModeAction;
import ai.kubernaut.actions.workload.ExpandPvcAction;
import ai.kubernaut.actions.workload.IncreaseResourcesAction;
import ai.kubernaut.actions.workload.PatchConfigMapAction;
import ai.kubernaut.actions.workload.QuarantinePodAction;
import ai.kubernaut.actions.workload.RelaxPdbAction;
import ai.kubernaut.actions.workload.RestartAction;
import ai.kubernaut.actions.workload.RollbackDeploymentAction;
import ai.kubernaut.actions.workload.ScaleAction;
import ai.kubernaut.actions.workload.UpdateHpaAction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every action name the seed workflows use is accepted: an action, an alias of one, or a
 * Job bundle that, without a configured image, is refused naming the property to set.
 */
class SeedActionNamesTest {

	/**
	 * The action names of seed 000's recommendations and workflow, and of seed 001's
	 * tables.
	 */
	static final List<String> SEED_ACTIONS = List.of("collect_diagnostics", "backup_data", "increase_resources",
			"restart_pod", "enable_debug_mode", "update_hpa", "notify_only", "patch_config_map", "rolling_restart_pods",
			"scale_deployment", "health_check", "update_git_manifests", "correlate_alerts", "restart_statefulset",
			"silence_alerts", "verify_recovery", "scale_statefulset", "quarantine_pod", "rollback_deployment",
			"drain_node", "cordon_node", "migrate_workload", "expand_pvc", "cleanup_storage", "compact_storage",
			"update_network_policy", "restart_network", "reset_service_mesh", "failover_database", "repair_database",
			"rotate_secrets", "audit_logs", "create_heap_dump", "get_resource",
			// named in seed 000's prose
			"rolling_restart", "increase_memory", "silence_correlated_alerts");

	private static KubernetesClient client;

	private static ActionRegistry registry;

	@BeforeAll
	static void registry() {
		client = new KubernetesClientBuilder()
			.withConfig(new ConfigBuilder().withMasterUrl("http://127.0.0.1:9").withRequestRetryBackoffLimit(0).build())
			.build();
		Clock clock = Clock.systemUTC();
		ObjectMutator mutator = new ObjectMutator(client, new Guardrails(GuardrailSettings.defaults(), client, clock));
		Poller poller = new Poller(clock, Duration.ofSeconds(1));
		JobRunner runner = new JobRunner(client, mutator.guardrails(), JobSettings.defaults(), poller);
		AlertmanagerSettings alertmanager = new AlertmanagerSettings(null, null);
		List<RemediationAction> actions = new ArrayList<>(
				List.of(new CordonNodeAction(mutator), new UncordonNodeAction(mutator), new RemoveTaintAction(mutator),
						new DrainNodeAction(mutator, poller), new DeletePodAction(client, mutator.guardrails()),
						new CleanupPvcAction(client, mutator.guardrails()), new WaitForRolloutAction(client, poller),
						new HealthCheckAction(client, HttpClient.newHttpClient(), poller),
						new CollectDiagnosticsAction(client, 1024, 1024),
						new SilenceAlertsAction(alertmanager, HttpClient.newHttpClient(), clock),
						new ExpireSilenceAction(alertmanager, HttpClient.newHttpClient()), new RunJobAction(runner),
						ScaleAction.deployment(mutator, 20), ScaleAction.statefulSet(mutator, 20),
						RestartAction.deployment(mutator, clock), RestartAction.statefulSet(mutator, clock),
						new IncreaseResourcesAction(mutator), new RollbackDeploymentAction(mutator),
						new UpdateHpaAction(mutator, 20), new RelaxPdbAction(mutator),
						new PatchConfigMapAction(mutator), new QuarantinePodAction(mutator),
						new ExpandPvcAction(mutator), new EnableDebugModeAction(mutator), new Named("notify")));
		BundleActionNames.ALL
			.forEach((name, description) -> actions.add(new JobBundleAction(name, description, runner)));
		registry = new ActionRegistry(actions, ClusterActionAliases.all().aliases());
	}

	@AfterAll
	static void close() {
		client.close();
	}

	@Test
	void everySeedActionIsAnActionAnAliasOrABundleRefusedNamingItsProperty() {
		for (String name : SEED_ACTIONS) {
			Optional<RemediationAction> action = registry.find(name);
			assertThat(action).as(name).isPresent();
			if (BundleActionNames.ALL.containsKey(name)) {
				assertThat(action.get().validate(Map.of())).as(name)
					.containsExactly(name + " is carried out by a Job bundle, and no image is configured for it: set "
							+ "kubernaut.engine.jobs.bundles." + name);
			}
		}
	}

	@Test
	void everyAliasStandsForARegisteredAction() {
		List<Map<String, Object>> examples = List.of(Map.of(), Map.of("strategy", "rolling"),
				Map.of("TARGET_RESOURCE_KIND", "Pod"), Map.of("statefulset", "redis"),
				Map.of("TARGET_RESOURCE_KIND", "StatefulSet"));
		for (ActionAlias alias : ClusterActionAliases.all().aliases()) {
			for (Map<String, Object> parameters : examples) {
				assertThat(registry.names()).as(alias.name() + " " + parameters)
					.contains(target(alias.name(), parameters));
			}
		}
	}

	@Test
	void restartPodIsARollingRestartWithStrategyRollingAndAPodDeletionForAPodTarget() {
		assertThat(target("restart_pod",
				Map.of("deployment", "payment-service", "namespace", "production", "strategy", "rolling")))
			.isEqualTo("restart_deployment");
		assertThat(target("restart_pod", Map.of("statefulset", "redis", "strategy", "rolling")))
			.isEqualTo("restart_statefulset");
		assertThat(target("restart_pod", Map.of("TARGET_RESOURCE_KIND", "Pod", "TARGET_RESOURCE_NAME", "web-1")))
			.isEqualTo("delete_pod");
		assertThat(target("rolling_restart_pods", Map.of("deployment", "checkout-service")))
			.isEqualTo("restart_deployment");
		assertThat(target("notify_only", Map.of("type", "jira"))).isEqualTo("notify");
	}

	@Test
	void aRecommendationsLowerCaseTargetBecomesTheNativeParameters() {
		assertThat(ClusterActionAliases.fromSeed(Map.of("deployment", "payment-service", "namespace", "production")))
			.containsEntry("TARGET_RESOURCE_KIND", "Deployment")
			.containsEntry("TARGET_RESOURCE_NAME", "payment-service")
			.containsEntry("TARGET_RESOURCE_NAMESPACE", "production");
		assertThat(ClusterActionAliases
			.fromSeed(Map.of("deployment", "x", "TARGET_RESOURCE_KIND", "StatefulSet", "TARGET_RESOURCE_NAME", "db")))
			.containsEntry("TARGET_RESOURCE_NAME", "db");
	}

	@Test
	void notifyOnlyGetsASubjectWhenTheRecommendationGivesNone() {
		ActionAlias notifyOnly = alias("notify_only");

		assertThat(notifyOnly.translate().apply(Map.of("type", "jira", "project", "PAYMENT", "priority", "high")))
			.containsEntry("subject", "Remediation follow-up: jira PAYMENT")
			.containsEntry("severity", "warning");
	}

	private static String target(String aliasName, Map<String, Object> parameters) {
		ActionAlias alias = alias(aliasName);
		return alias.target().apply(alias.translate().apply(parameters));
	}

	private static ActionAlias alias(String name) {
		return ClusterActionAliases.all()
			.aliases()
			.stream()
			.filter((alias) -> alias.name().equals(name))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * Stands for the engine's own actions (notify) that need its Spring context.
	 */
	private record Named(String name) implements RemediationAction {

		@Override
		public List<ai.kubernaut.actions.ActionParameter> parameters() {
			return List.of();
		}

		@Override
		public Map<String, Object> execute(ai.kubernaut.actions.ActionContext context) {
			throw new UnsupportedOperationException();
		}

	}

}
