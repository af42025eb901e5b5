package ai.kubernaut.engine;

import ai.kubernaut.engine.action.RemediationAction;
import ai.kubernaut.engine.execution.RecordingActions;
import ai.kubernaut.testsupport.kubernetes.SandboxKubernetes;
import io.fabric8.kubernetes.client.KubernetesClient;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * The engine's surroundings in tests: the sandbox Kubernetes API as the cluster, and the
 * peer stub as data-storage and notification-service, and recording test actions for
 * workflow executions.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EngineTestConfiguration {

	@Bean(destroyMethod = "close")
	SandboxKubernetes sandboxKubernetes() {
		return SandboxKubernetes.start(0);
	}

	/**
	 * Named apart from the application's {@code kubernetesClient}, which stays defined
	 * but unused.
	 */
	@Bean(destroyMethod = "")
	@Primary
	KubernetesClient sandboxKubernetesClient(SandboxKubernetes sandbox) {
		return sandbox.client();
	}

	@Bean
	RecordingActions recordingActions() {
		return new RecordingActions();
	}

	@Bean
	RemediationAction collectDiagnosticsAction(RecordingActions actions) {
		return actions.action("collect_diagnostics");
	}

	@Bean
	RemediationAction backupDataAction(RecordingActions actions) {
		return actions.action("backup_data");
	}

	@Bean
	RemediationAction increaseResourcesAction(RecordingActions actions) {
		return actions.action("increase_resources");
	}

	@Bean
	RemediationAction restartPodAction(RecordingActions actions) {
		return actions.action("restart_pod");
	}

	@Bean
	RemediationAction enableDebugModeAction(RecordingActions actions) {
		return actions.action("enable_debug_mode");
	}

	@Bean
	RemediationAction updateHpaAction(RecordingActions actions) {
		return actions.action("update_hpa");
	}

	@Bean
	RemediationAction notifyOnlyAction(RecordingActions actions) {
		return actions.action("notify_only");
	}

	@Bean
	RemediationAction countAction(RecordingActions actions) {
		return actions.action("count");
	}

	@Bean
	RemediationAction holdAction(RecordingActions actions) {
		return actions.action("hold");
	}

	@Bean
	RemediationAction flakyAction(RecordingActions actions) {
		return actions.action("flaky");
	}

	@Bean(destroyMethod = "close")
	PeerServicesStub peerServicesStub() {
		return PeerServicesStub.start();
	}

	@Bean
	DynamicPropertyRegistrar peerServiceUrls(PeerServicesStub peers) {
		return (registry) -> {
			registry.add("kubernaut.engine.clients.data-storage.base-url", peers::url);
			registry.add("kubernaut.engine.clients.notification.base-url", peers::url);
			registry.add("kubernaut.engine.clients.approval.base-url", peers::url);
		};
	}

}
