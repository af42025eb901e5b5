package ai.kubernaut.engine.nativecatalog;

import ai.kubernaut.support.client.ServiceClients;
import ai.kubernaut.support.client.ServiceEndpoint;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NativeCatalogProperties.class)
@ConditionalOnProperty(prefix = "kubernaut.engine.native-catalog", name = "register-on-startup", havingValue = "true",
		matchIfMissing = true)
class NativeCatalogConfiguration {

	/** The engine's data-storage client settings, shared with its catalog reads. */
	static final String DATA_STORAGE_ENDPOINT = "kubernaut.engine.clients.data-storage";

	@Bean
	NativeCatalogStartup nativeCatalogStartup(NativeCatalogProperties properties, ServiceClients clients,
			Environment environment, MeterRegistry meters) {
		ServiceEndpoint dataStorage = Binder.get(environment)
			.bind(DATA_STORAGE_ENDPOINT, ServiceEndpoint.class)
			.orElseThrow(() -> new IllegalStateException(DATA_STORAGE_ENDPOINT + ".base-url is not set"));
		CatalogRegistrationApi catalog = clients.create(CatalogRegistrationApi.class, "data-storage", dataStorage);
		NativeCatalogRegistration registration = new NativeCatalogRegistration(
				NativeCatalog.load(properties.location()), catalog, meters);
		return new NativeCatalogStartup(registration, properties);
	}

}
