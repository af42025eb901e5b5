package ai.kubernaut.engine.clusteractions;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

import io.fabric8.kubernetes.client.KubernetesClient;

import ai.kubernaut.actions.alerting.AlertmanagerSettings;
import ai.kubernaut.actions.alerting.ExpireSilenceAction;
import ai.kubernaut.actions.alerting.SilenceAlertsAction;
import ai.kubernaut.actions.job.JobBundleAction;
import ai.kubernaut.actions.job.JobRunner;
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

import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Fallback;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * The node, pod, storage, observing, alerting and Job actions, the alias table and the
 * Job runner the engine uses for {@code engine: job} workflows.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ JobsProperties.class, AlertmanagerProperties.class })
@Import(ClusterActionsConfiguration.BundleActions.class)
public class ClusterActionsConfiguration {

	/** The most one container's log adds to a collect_diagnostics output. */
	static final int MAX_LOG_BYTES = 64 * 1024;

	/** The most a collect_diagnostics output holds, logs and YAML together. */
	static final int MAX_DIAGNOSTICS_BYTES = 512 * 1024;

	/**
	 * Used only while no other module provides the engine's guard rails: on by default,
	 * system namespaces denied, managed namespaces only.
	 */
	@Bean
	@Fallback
	Guardrails clusterActionsGuardrails(KubernetesClient client, Clock clock) {
		return new Guardrails(GuardrailSettings.defaults(), client, clock);
	}

	/**
	 * Used only while no other module provides the engine's mutator.
	 */
	@Bean
	@Fallback
	ObjectMutator clusterActionsMutator(KubernetesClient client, Guardrails guardrails) {
		return new ObjectMutator(client, guardrails);
	}

	@Bean
	Poller clusterActionsPoller(Clock clock, JobsProperties jobs) {
		return new Poller(clock, jobs.pollInterval());
	}

	@Bean
	ClusterActionAliases clusterActionAliases() {
		return ClusterActionAliases.all();
	}

	@Bean
	CordonNodeAction cordonNodeAction(ObjectMutator mutator) {
		return new CordonNodeAction(mutator);
	}

	@Bean
	UncordonNodeAction uncordonNodeAction(ObjectMutator mutator) {
		return new UncordonNodeAction(mutator);
	}

	@Bean
	RemoveTaintAction removeTaintAction(ObjectMutator mutator) {
		return new RemoveTaintAction(mutator);
	}

	@Bean
	DrainNodeAction drainNodeAction(ObjectMutator mutator, Poller poller) {
		return new DrainNodeAction(mutator, poller);
	}

	@Bean
	DeletePodAction deletePodAction(KubernetesClient client, ObjectMutator mutator) {
		return new DeletePodAction(client, mutator.guardrails());
	}

	@Bean
	CleanupPvcAction cleanupPvcAction(KubernetesClient client, ObjectMutator mutator) {
		return new CleanupPvcAction(client, mutator.guardrails());
	}

	@Bean
	WaitForRolloutAction waitForRolloutAction(KubernetesClient client, Poller poller) {
		return new WaitForRolloutAction(client, poller);
	}

	@Bean
	HealthCheckAction healthCheckAction(KubernetesClient client, Poller poller) {
		return new HealthCheckAction(client, http(Duration.ofSeconds(5)), poller);
	}

	@Bean
	CollectDiagnosticsAction collectDiagnosticsAction(KubernetesClient client) {
		return new CollectDiagnosticsAction(client, MAX_LOG_BYTES, MAX_DIAGNOSTICS_BYTES);
	}

	@Bean
	SilenceAlertsAction silenceAlertsAction(AlertmanagerProperties alertmanager, Clock clock) {
		AlertmanagerSettings settings = alertmanager.toSettings();
		return new SilenceAlertsAction(settings, http(settings.timeout()), clock);
	}

	@Bean
	ExpireSilenceAction expireSilenceAction(AlertmanagerProperties alertmanager) {
		AlertmanagerSettings settings = alertmanager.toSettings();
		return new ExpireSilenceAction(settings, http(settings.timeout()));
	}

	@Bean
	JobRunner jobRunner(KubernetesClient client, ObjectMutator mutator, JobsProperties jobs, Poller poller) {
		return new JobRunner(client, mutator.guardrails(), jobs.toSettings(), poller);
	}

	@Bean
	RunJobAction runJobAction(JobRunner runner) {
		return new RunJobAction(runner);
	}

	private static HttpClient http(Duration connectTimeout) {
		return HttpClient.newBuilder()
			.connectTimeout(connectTimeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * One bean per bundle action, so the engine's list of actions finds each by its name.
	 */
	static class BundleActions implements BeanRegistrar {

		@Override
		public void register(BeanRegistry registry, Environment environment) {
			BundleActionNames.ALL.forEach(
					(name, description) -> registry.registerBean(beanName(name), JobBundleAction.class, (spec) -> spec
						.supplier((context) -> new JobBundleAction(name, description, context.bean(JobRunner.class)))));
		}

		static String beanName(String action) {
			return "bundleAction_" + action;
		}

	}

}
