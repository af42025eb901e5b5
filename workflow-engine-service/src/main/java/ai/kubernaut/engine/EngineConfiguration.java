package ai.kubernaut.engine;

import java.time.Clock;

import ai.kubernaut.contracts.approval.ApprovalApi;
import ai.kubernaut.contracts.catalog.WorkflowCatalogApi;
import ai.kubernaut.contracts.notification.NotificationApi;
import ai.kubernaut.support.client.ServiceClients;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.IdGenerator;
import org.springframework.util.JdkIdGenerator;

/**
 * Time, ids and the clients of the services the engine calls.
 */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	IdGenerator idGenerator() {
		return new JdkIdGenerator();
	}

	@Bean
	WorkflowCatalogApi workflowCatalogApi(ServiceClients clients, PeerServicesProperties peers) {
		return clients.create(WorkflowCatalogApi.class, "data-storage", peers.dataStorage());
	}

	@Bean
	ApprovalApi approvalApi(ServiceClients clients, PeerServicesProperties peers) {
		return clients.create(ApprovalApi.class, "approval", peers.approval());
	}

	@Bean
	NotificationApi notificationApi(ServiceClients clients, PeerServicesProperties peers) {
		return clients.create(NotificationApi.class, "notification", peers.notification());
	}

}
