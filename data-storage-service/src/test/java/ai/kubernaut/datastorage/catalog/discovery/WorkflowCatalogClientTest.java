package ai.kubernaut.datastorage.catalog.discovery;

import java.net.URI;

import ai.kubernaut.contracts.catalog.WorkflowCatalogApi;
import ai.kubernaut.contracts.catalog.WorkflowDefinition;
import ai.kubernaut.contracts.catalog.WorkflowDiscoveryResponse;
import ai.kubernaut.datastorage.CatalogApi;
import ai.kubernaut.datastorage.CatalogApi.Response;
import ai.kubernaut.datastorage.DataStorageServiceTest;
import ai.kubernaut.support.client.ServiceClients;
import ai.kubernaut.support.client.ServiceEndpoint;
import ai.kubernaut.support.problem.RemoteServiceException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The engine's view: discovery through a {@link WorkflowCatalogApi} proxy, as the engine
 * will build it.
 */
@DataStorageServiceTest
class WorkflowCatalogClientTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RestTestClient client;

	@Autowired
	ServiceClients serviceClients;

	@LocalServerPort
	int port;

	WorkflowCatalogApi catalog;

	@BeforeEach
	void registerTheRollbackWorkflows() {
		CatalogApi.emptyCatalog(this.jdbc);
		CatalogApi api = new CatalogApi(this.client);
		api.postYaml("/api/v1/action-types",
				CatalogApi.resource("kubernaut-catalog/action-types/rollback-deployment.yaml"));
		for (String workflow : new String[] { "crashloop-rollback-v1", "crashloop-rollback-risk-v1",
				"fix-image-reference-v1", "rollback-deployment-v1" }) {
			Response registered = api.postYaml("/api/v1/workflows",
					CatalogApi.resource("kubernaut-catalog/workflows/" + workflow + ".yaml"));
			assertThat(registered.status()).isEqualTo(201);
		}
		this.catalog = this.serviceClients.create(WorkflowCatalogApi.class, "data-storage",
				new ServiceEndpoint(URI.create("http://localhost:" + this.port), CatalogApi.READER_TOKEN, null, null));
	}

	@Test
	void discoversAndFetchesWorkflowsThroughTheContract() {
		WorkflowDiscoveryResponse staging = this.catalog.listWorkflowsByActionType("RollbackDeployment", "high",
				"apps/v1/Deployment", "staging", "P1", null, null);
		WorkflowDiscoveryResponse production = this.catalog.listWorkflowsByActionType("RollbackDeployment", "critical",
				"apps/v1/Deployment", "production", "P1", 0, 2);

		assertThat(staging.workflows()).extracting((entry) -> entry.workflowName())
			.containsExactly("fix-image-reference-v1");
		assertThat(production.workflows()).hasSize(2);
		assertThat(production.pagination().totalCount()).isEqualTo(4);
		assertThat(production.pagination().hasMore()).isTrue();

		WorkflowDefinition definition = this.catalog.getWorkflow(staging.workflows().get(0).workflowId());
		assertThat(definition.workflowName()).isEqualTo("fix-image-reference-v1");
		assertThat(definition.isLatestVersion()).isTrue();
		assertThat(definition.parameters()).isNotEmpty();
		assertThat(definition.labels()).containsKeys("severity", "environment", "component", "priority");
	}

	@Test
	void reportsAnUnknownWorkflowAsNotFound() {
		RemoteServiceException notFound = catchThrowableOfType(RemoteServiceException.class,
				() -> this.catalog.getWorkflow("3f1c0000-0000-5000-8000-000000000000"));

		assertThat(notFound.isNotFound()).isTrue();
		assertThat(notFound.problem().getType().toString())
			.isEqualTo("https://kubernaut.ai/problems/workflow-not-found");
	}

}
