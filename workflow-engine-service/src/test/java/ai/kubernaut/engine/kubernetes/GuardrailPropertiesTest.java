package ai.kubernaut.engine.kubernetes;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.Test;

import ai.kubernaut.actions.mutation.GuardrailSettings;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class GuardrailPropertiesTest {

	@Test
	void areOnByDefault() {
		GuardrailSettings settings = new GuardrailProperties(null, null, null, null, null).toSettings(null);

		assertThat(settings.deniedNamespaces()).containsExactly("kube-system", "kube-public");
		assertThat(settings.allowedNamespaces()).isEmpty();
		assertThat(settings.requireManagedNamespace()).isTrue();
		assertThat(settings.writesPerSecond()).isEqualTo(5);
		assertThat(settings.maxRetryAfter()).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void theEnginesOwnNamespaceFromPodNamespaceIsAlwaysDenied() {
		GuardrailProperties properties = new GuardrailProperties(List.of("legacy"), List.of("shop"), false, 20d,
				Duration.ofSeconds(5));
		MockEnvironment environment = new MockEnvironment().withProperty("POD_NAMESPACE", "kubernaut-system");

		try (var client = new KubernetesClientBuilder().build()) {
			GuardrailSettings settings = new KubernetesActionsConfiguration()
				.guardrails(properties, environment, client, Clock.systemUTC())
				.settings();

			assertThat(settings.deniedNamespaces()).containsExactly("legacy", "kubernaut-system");
			assertThat(settings.allowedNamespaces()).containsExactly("shop");
			assertThat(settings.requireManagedNamespace()).isFalse();
			assertThat(settings.writesPerSecond()).isEqualTo(20);
		}
	}

}
