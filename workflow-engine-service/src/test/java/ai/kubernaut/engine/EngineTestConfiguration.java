package ai.kubernaut.engine;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import ai.kubernaut.actions.ActionRegistry;
import ai.kubernaut.actions.RemediationAction;
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

	/**
	 * The application's actions, except that the seed OOMKill workflow's actions record
	 * their calls and meet their parallel siblings at a barrier, so tests can prove which
	 * steps ran concurrently. The real implementations of those names are tested in
	 * remediation-actions and end to end in the local stack.
	 */
	@Bean
	@Primary
	ActionRegistry testActionRegistry(List<RemediationAction> actions, RecordingActions recording) {
		Map<String, RemediationAction> byName = new TreeMap<>();
		actions.forEach((action) -> byName.put(action.name(), action));
		recording.seedActions().forEach((action) -> byName.put(action.name(), action));
		return new ActionRegistry(List.copyOf(byName.values()));
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
