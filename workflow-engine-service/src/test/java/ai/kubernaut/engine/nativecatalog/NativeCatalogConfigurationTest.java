package ai.kubernaut.engine.nativecatalog;

import java.time.Duration;

import ai.kubernaut.support.client.ServiceClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class NativeCatalogConfigurationTest {

	final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(NativeCatalogConfiguration.class)
		.withBean(ServiceClients.class, () -> new ServiceClients(RestClient.builder(), JsonMapper.builder().build()))
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new);

	@Test
	void registersTheShippedCatalogInTheBackgroundAfterStartUp() {
		try (FakeDataStorageCatalog dataStorage = FakeDataStorageCatalog.start()) {
			dataStorage.knowActionTypes(NativeCatalogRegistrationTest.KUBERNAUT_ACTION_TYPES);

			this.context
				.withPropertyValues("kubernaut.engine.clients.data-storage.base-url=" + dataStorage.url(),
						"kubernaut.engine.clients.data-storage.token=engine-token-0123456789")
				.run((started) -> {
					assertThat(started).hasSingleBean(NativeCatalogStartup.class);
					await().atMost(Duration.ofSeconds(10))
						.untilAsserted(() -> assertThat(dataStorage.registrations())
							.hasSize(NativeCatalog.load(NativeCatalog.DEFAULT_LOCATION).size()));
				});
		}
	}

	@Test
	void registersNothingWhenTurnedOff() {
		this.context
			.withPropertyValues("kubernaut.engine.native-catalog.register-on-startup=false",
					"kubernaut.engine.clients.data-storage.base-url=http://127.0.0.1:1")
			.run((started) -> assertThat(started).doesNotHaveBean(NativeCatalogStartup.class));
	}

	@Test
	void refusesToStartWithoutADataStorageUrl() {
		this.context.run((started) -> assertThat(started).hasFailed()
			.getFailure()
			.hasStackTraceContaining("kubernaut.engine.clients.data-storage.base-url is not set"));
	}

	@Test
	void refusesAnInvalidRetrySetting() {
		this.context
			.withPropertyValues("kubernaut.engine.native-catalog.max-attempts=0",
					"kubernaut.engine.clients.data-storage.base-url=http://127.0.0.1:1")
			.run((started) -> assertThat(started).hasFailed().getFailure().hasStackTraceContaining("maxAttempts"));
	}

}
