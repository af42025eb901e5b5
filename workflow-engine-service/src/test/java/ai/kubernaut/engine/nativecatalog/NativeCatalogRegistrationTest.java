package ai.kubernaut.engine.nativecatalog;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import ai.kubernaut.support.client.ServiceClients;
import ai.kubernaut.support.client.ServiceEndpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class NativeCatalogRegistrationTest {

	static final String[] KUBERNAUT_ACTION_TYPES = { "IncreaseMemoryLimits", "GracefulRestart", "RollbackDeployment",
			"ScaleReplicas", "PatchHPA", "RelaxPDB", "CordonDrainNode", "RemoveTaint", "ExpandPersistentVolumeClaim",
			"CleanupPVC", "PatchConfiguration" };

	final List<NativeWorkflow> shipped = NativeCatalog.load(NativeCatalog.DEFAULT_LOCATION);

	final MeterRegistry meters = new SimpleMeterRegistry();

	FakeDataStorageCatalog dataStorage;

	@BeforeEach
	void startDataStorage() {
		this.dataStorage = FakeDataStorageCatalog.start();
	}

	@AfterEach
	void stopDataStorage() {
		this.dataStorage.close();
	}

	@Test
	void registersEveryShippedWorkflowTheCatalogLacks() {
		this.dataStorage.knowActionTypes(KUBERNAUT_ACTION_TYPES);

		boolean done = registration(this.shipped).attempt();

		assertThat(done).isTrue();
		assertThat(this.dataStorage.registrations()).hasSize(this.shipped.size())
			.containsExactlyInAnyOrderElementsOf(this.shipped.stream().map(NativeWorkflow::name).toList());
		assertThat(count("registered")).isEqualTo(this.shipped.size());
	}

	@Test
	void registersNothingTwice() {
		this.dataStorage.knowActionTypes(KUBERNAUT_ACTION_TYPES);
		registration(this.shipped).attempt();

		boolean done = registration(this.shipped).attempt();

		assertThat(done).isTrue();
		assertThat(this.dataStorage.registrations()).hasSize(this.shipped.size());
		assertThat(count("present")).isEqualTo(this.shipped.size());
	}

	@Test
	void leavesAWorkflowAnOperatorDisabledDisabled() {
		this.dataStorage.knowActionTypes(KUBERNAUT_ACTION_TYPES);
		this.dataStorage.holds("native-scale-replicas-v1", "1.0.0", "Disabled");

		registration(this.shipped).attempt();

		assertThat(this.dataStorage.registrations()).doesNotContain("native-scale-replicas-v1")
			.hasSize(this.shipped.size() - 1);
		assertThat(this.dataStorage.workflow("native-scale-replicas-v1", "1.0.0")).containsEntry("status", "Disabled");
	}

	@Test
	void triesAgainUntilDataStorageKnowsTheActionTypes() {
		NativeCatalogRegistration registration = registration(this.shipped);

		assertThat(registration.attempt()).isFalse();
		assertThat(registration.pending()).hasSize(this.shipped.size())
			.allSatisfy((label, why) -> assertThat(why).contains("action type taxonomy"));
		assertThat(this.dataStorage.registrations()).isEmpty();

		this.dataStorage.knowActionTypes(KUBERNAUT_ACTION_TYPES);

		assertThat(registration.attempt()).isTrue();
		assertThat(registration.pending()).isEmpty();
		assertThat(this.dataStorage.registrations()).hasSize(this.shipped.size());
		assertThat(count("retry")).isEqualTo(this.shipped.size());
	}

	@Test
	void triesAgainWhileDataStorageFails() {
		this.dataStorage.knowActionTypes(KUBERNAUT_ACTION_TYPES);
		this.dataStorage.failNext(1);
		NativeCatalogRegistration registration = registration(this.shipped.subList(0, 2));

		assertThat(registration.attempt()).isFalse();
		assertThat(registration.pending()).hasSize(1).allSatisfy((label, why) -> assertThat(why).contains("503"));

		assertThat(registration.attempt()).isTrue();
		assertThat(this.dataStorage.registrations()).hasSize(2);
	}

	@Test
	void givesUpAtOnceOnAWorkflowDataStorageRefusesForGood() {
		this.dataStorage.knowActionTypes(KUBERNAUT_ACTION_TYPES);
		NativeWorkflow broken = new NativeWorkflow("broken.yaml", "native-broken-v1", "1.0.0", "ScaleReplicas",
				"apiVersion: kubernaut.ai/v1alpha1\nkind: RemediationWorkflow\nmetadata: {name: native-broken-v1}\n"
						+ "spec: {actionType: ScaleReplicas}\n");

		NativeCatalogRegistration registration = registration(List.of(broken));

		assertThat(registration.attempt()).isTrue();
		assertThat(registration.pending()).isEmpty();
		assertThat(count("rejected")).isEqualTo(1);
	}

	@Test
	void triesAgainWhileDataStorageIsUnreachable() {
		NativeCatalogRegistration registration = new NativeCatalogRegistration(this.shipped.subList(0, 1),
				client(URI.create("http://127.0.0.1:1")), this.meters);

		assertThat(registration.attempt()).isFalse();
		assertThat(registration.pending()).allSatisfy((label, why) -> assertThat(why).contains("unreachable"));
	}

	@Test
	void runsInTheBackgroundAndGivesUpAfterTheLastAttempt() {
		NativeCatalogRegistration registration = registration(this.shipped.subList(0, 3));
		NativeCatalogStartup startup = new NativeCatalogStartup(registration, new NativeCatalogProperties(true,
				NativeCatalog.DEFAULT_LOCATION, 3, Duration.ofMillis(10), Duration.ofMillis(20)));

		startup.start();
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> count("gave_up") == 3);
			assertThat(count("retry")).isEqualTo(9);
			assertThat(registration.pending()).isEmpty();
			assertThat(this.meters.get("kubernaut.native.catalog.pending").gauge().value()).isZero();
		}
		finally {
			startup.stop();
		}
	}

	@Test
	void runsInTheBackgroundUntilEverythingIsRegistered() {
		NativeCatalogRegistration registration = registration(this.shipped);
		NativeCatalogStartup startup = new NativeCatalogStartup(registration, new NativeCatalogProperties(true,
				NativeCatalog.DEFAULT_LOCATION, 100, Duration.ofMillis(10), Duration.ofMillis(50)));

		startup.start();
		try {
			await().atMost(Duration.ofSeconds(5)).until(() -> count("retry") >= this.shipped.size());
			this.dataStorage.knowActionTypes(KUBERNAUT_ACTION_TYPES);
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(this.dataStorage.registrations()).hasSize(this.shipped.size()));
			assertThat(count("gave_up")).isZero();
		}
		finally {
			startup.stop();
		}
	}

	@Test
	void doublesThePauseUpToTheMaximum() {
		Duration initial = Duration.ofSeconds(2);
		Duration max = Duration.ofMinutes(1);

		assertThat(NativeCatalogStartup.backoff(1, initial, max)).isEqualTo(Duration.ofSeconds(2));
		assertThat(NativeCatalogStartup.backoff(2, initial, max)).isEqualTo(Duration.ofSeconds(4));
		assertThat(NativeCatalogStartup.backoff(5, initial, max)).isEqualTo(Duration.ofSeconds(32));
		assertThat(NativeCatalogStartup.backoff(6, initial, max)).isEqualTo(max);
		assertThat(NativeCatalogStartup.backoff(1000, initial, max)).isEqualTo(max);
	}

	private NativeCatalogRegistration registration(List<NativeWorkflow> workflows) {
		return new NativeCatalogRegistration(workflows, client(this.dataStorage.url()), this.meters);
	}

	private static CatalogRegistrationApi client(URI baseUrl) {
		return new ServiceClients(RestClient.builder(), JsonMapper.builder().build()).create(
				CatalogRegistrationApi.class, "data-storage",
				new ServiceEndpoint(baseUrl, "engine-token-0123456789", Duration.ofSeconds(1), Duration.ofSeconds(5)));
	}

	private double count(String outcome) {
		var counter = this.meters.find("kubernaut.native.catalog.registrations").tag("outcome", outcome).counter();
		return (counter != null) ? counter.count() : 0;
	}

}
