package ai.kubernaut.engine.kubernetes;

import java.time.Clock;

import io.fabric8.kubernetes.client.KubernetesClient;

import ai.kubernaut.actions.mutation.Guardrails;
import ai.kubernaut.actions.mutation.ObjectMutator;
import ai.kubernaut.actions.mutation.RestoreSnapshotAction;
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
import ai.kubernaut.engine.action.LimitsProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The guard rails and the mutator every Kubernetes write of the engine goes through, the
 * snapshot restore, and the workload actions.
 */
@Configuration(proxyBeanMethods = false)
class KubernetesActionsConfiguration {

	/**
	 * Set by the Downward API in the engine's Deployment; the engine never remediates the
	 * suite itself.
	 */
	static final String OWN_NAMESPACE = "POD_NAMESPACE";

	@Bean
	Guardrails guardrails(GuardrailProperties properties, Environment environment, KubernetesClient client,
			Clock clock) {
		return new Guardrails(properties.toSettings(environment.getProperty(OWN_NAMESPACE)), client, clock);
	}

	@Bean
	ObjectMutator objectMutator(KubernetesClient client, Guardrails guardrails) {
		return new ObjectMutator(client, guardrails);
	}

	@Bean
	RestoreSnapshotAction restoreSnapshotAction(ObjectMutator mutator) {
		return new RestoreSnapshotAction(mutator);
	}

	@Bean
	ScaleAction scaleDeploymentAction(ObjectMutator mutator, LimitsProperties limits) {
		return ScaleAction.deployment(mutator, limits.maxReplicas());
	}

	@Bean
	ScaleAction scaleStatefulSetAction(ObjectMutator mutator, LimitsProperties limits) {
		return ScaleAction.statefulSet(mutator, limits.maxReplicas());
	}

	@Bean
	RestartAction restartDeploymentAction(ObjectMutator mutator, Clock clock) {
		return RestartAction.deployment(mutator, clock);
	}

	@Bean
	RestartAction restartStatefulSetAction(ObjectMutator mutator, Clock clock) {
		return RestartAction.statefulSet(mutator, clock);
	}

	@Bean
	IncreaseResourcesAction increaseResourcesAction(ObjectMutator mutator) {
		return new IncreaseResourcesAction(mutator);
	}

	@Bean
	RollbackDeploymentAction rollbackDeploymentAction(ObjectMutator mutator) {
		return new RollbackDeploymentAction(mutator);
	}

	@Bean
	UpdateHpaAction updateHpaAction(ObjectMutator mutator, LimitsProperties limits) {
		return new UpdateHpaAction(mutator, limits.maxReplicas());
	}

	@Bean
	RelaxPdbAction relaxPdbAction(ObjectMutator mutator) {
		return new RelaxPdbAction(mutator);
	}

	@Bean
	PatchConfigMapAction patchConfigMapAction(ObjectMutator mutator) {
		return new PatchConfigMapAction(mutator);
	}

	@Bean
	EnableDebugModeAction enableDebugModeAction(ObjectMutator mutator) {
		return new EnableDebugModeAction(mutator);
	}

	@Bean
	QuarantinePodAction quarantinePodAction(ObjectMutator mutator) {
		return new QuarantinePodAction(mutator);
	}

	@Bean
	ExpandPvcAction expandPvcAction(ObjectMutator mutator) {
		return new ExpandPvcAction(mutator);
	}

}
