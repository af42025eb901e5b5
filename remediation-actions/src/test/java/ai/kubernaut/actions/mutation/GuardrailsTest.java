package ai.kubernaut.actions.mutation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.kubernaut.actions.ActionSkippedException;
import ai.kubernaut.actions.MockCluster;
import ai.kubernaut.actions.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GuardrailsTest {

	private static MockCluster cluster;

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T03:00:00Z"));

	private final List<Duration> waits = new ArrayList<>();

	@BeforeAll
	static void start() {
		cluster = MockCluster.start();
		cluster.client()
			.namespaces()
			.resource(new NamespaceBuilder().withNewMetadata().withName("plain").endMetadata().build())
			.create();
		cluster.client()
			.namespaces()
			.resource(new NamespaceBuilder().withNewMetadata()
				.withName("managed")
				.addToLabels(Guardrails.MANAGED_LABEL, "true")
				.endMetadata()
				.build())
			.create();
		cluster.client()
			.namespaces()
			.resource(new NamespaceBuilder().withNewMetadata()
				.withName("kubernaut-system")
				.addToLabels(Guardrails.MANAGED_LABEL, "true")
				.endMetadata()
				.build())
			.create();
	}

	@AfterAll
	static void stop() {
		cluster.close();
	}

	@Test
	void systemNamespacesAndTheSuitesOwnAreDeniedEvenWhenLabelledManaged() {
		Guardrails guardrails = guardrails(GuardrailSettings.defaults().denying("kubernaut-system"));

		assertSkipped(() -> guardrails.checkScope("kube-system"), "NamespaceDenied", "kube-system");
		assertSkipped(() -> guardrails.checkScope("kube-public"), "NamespaceDenied", "kube-public");
		assertSkipped(() -> guardrails.checkScope("kubernaut-system"), "NamespaceDenied", "kubernaut-system");
	}

	@Test
	void onlyNamespacesLabelledManagedAreWritten() {
		Guardrails guardrails = guardrails(GuardrailSettings.defaults());

		assertThatCode(() -> guardrails.checkScope("managed")).doesNotThrowAnyException();
		assertSkipped(() -> guardrails.checkScope("plain"), "NamespaceNotManaged", "is not labelled");
		assertSkipped(() -> guardrails.checkScope("absent"), "NamespaceNotManaged", "does not exist");
	}

	@Test
	void theManagedLabelRuleCanBeTurnedOff() {
		Guardrails guardrails = guardrails(
				new GuardrailSettings(null, null, false, 5, GuardrailSettings.DEFAULT_MAX_RETRY_AFTER));

		assertThatCode(() -> guardrails.checkScope("plain")).doesNotThrowAnyException();
		assertSkipped(() -> guardrails.checkScope("kube-system"), "NamespaceDenied", "deny-list");
	}

	@Test
	void anAllowListNarrowsTheManagedNamespaces() {
		Guardrails guardrails = guardrails(new GuardrailSettings(null, List.of("payments"), true, 5, null));

		assertSkipped(() -> guardrails.checkScope("managed"), "NamespaceNotAllowed", "allow-list");
	}

	@Test
	void aClusterScopedObjectMustBeLabelledManagedItself() {
		Guardrails guardrails = guardrails(GuardrailSettings.defaults());
		Node plain = new NodeBuilder().withNewMetadata().withName("worker-1").endMetadata().build();
		Node managed = new NodeBuilder().withNewMetadata()
			.withName("worker-2")
			.addToLabels(Guardrails.MANAGED_LABEL, "true")
			.endMetadata()
			.build();

		assertSkipped(() -> guardrails.checkClusterScoped(plain), "ObjectNotManaged", "Node worker-1");
		assertThatCode(() -> guardrails.checkClusterScoped(managed)).doesNotThrowAnyException();
	}

	@Test
	void aBurstOfTwiceTheRateGoesAtOnceThenWritesAreSpacedByTheRate() {
		Guardrails guardrails = guardrails(new GuardrailSettings(null, null, true, 4, null));

		for (int i = 0; i < 11; i++) {
			guardrails.beforeWrite();
		}

		assertThat(this.waits).containsExactly(Duration.ofMillis(250), Duration.ofMillis(250), Duration.ofMillis(250));
	}

	@Test
	void aQuietPeriodRefillsTheBucketUpToTheBurstOnly() {
		Guardrails guardrails = guardrails(new GuardrailSettings(null, null, true, 1, null));
		guardrails.beforeWrite();
		guardrails.beforeWrite();

		this.clock.advance(Duration.ofMinutes(10));
		for (int i = 0; i < 3; i++) {
			guardrails.beforeWrite();
		}

		assertThat(this.waits).containsExactly(Duration.ofSeconds(1));
	}

	@Test
	void aThrottledWriteWaitsTheRetryAfterTheServerAsksForThenSucceeds() {
		Guardrails guardrails = guardrails(GuardrailSettings.defaults());
		List<String> calls = new ArrayList<>();

		String result = guardrails.write("patch Deployment/demo/web", () -> {
			calls.add("call");
			if (calls.size() == 1) {
				throw throttled(7);
			}
			return "written";
		});

		assertThat(result).isEqualTo("written");
		assertThat(this.waits).contains(Duration.ofSeconds(7));
	}

	@Test
	void aRetryAfterLongerThanAllowedFailsTheWriteNamingTheSetting() {
		Guardrails guardrails = guardrails(new GuardrailSettings(null, null, true, 5, Duration.ofSeconds(10)));
		Supplier<String> throttledForever = () -> {
			throw throttled(60);
		};

		assertThatIllegalStateException()
			.isThrownBy(() -> guardrails.write("patch Deployment/demo/web", throttledForever))
			.withMessageContaining("after 60s")
			.withMessageContaining("kubernaut.engine.guardrails.max-retry-after");
		assertThat(this.waits).doesNotContain(Duration.ofSeconds(60));
	}

	@Test
	void aServerThatKeepsThrottlingIsGivenUpOnAfterBoundedAttempts() {
		Guardrails guardrails = guardrails(GuardrailSettings.defaults());
		int[] calls = new int[1];

		assertThatIllegalStateException().isThrownBy(() -> guardrails.write("patch Deployment/demo/web", () -> {
			calls[0]++;
			throw throttled(1);
		})).withMessageContaining("still throttling");
		assertThat(calls[0]).isEqualTo(Guardrails.MAX_THROTTLED_ATTEMPTS);
	}

	@Test
	void settingsRefuseANonPositiveRate() {
		assertThatThrownBy(() -> new GuardrailSettings(null, null, true, 0, null))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("writesPerSecond");
	}

	private Guardrails guardrails(GuardrailSettings settings) {
		return new Guardrails(settings, cluster.client(), this.clock, (duration) -> {
			this.waits.add(duration);
			this.clock.advance(duration);
		});
	}

	private static KubernetesClientException throttled(int retryAfterSeconds) {
		return new KubernetesClientException(new StatusBuilder().withCode(429)
			.withReason("TooManyRequests")
			.withNewDetails()
			.withRetryAfterSeconds(retryAfterSeconds)
			.endDetails()
			.build());
	}

	private static void assertSkipped(Runnable check, String reason, String messagePart) {
		assertThatThrownBy(check::run).isInstanceOfSatisfying(ActionSkippedException.class, (ex) -> {
			assertThat(ex.reason()).isEqualTo(reason);
			assertThat(ex.getMessage()).contains(messagePart).contains("nothing was written");
		});
	}

}
