package ai.kubernaut.engine.catalog;

import ai.kubernaut.contracts.catalog.WorkflowCatalogApi;
import ai.kubernaut.contracts.catalog.WorkflowDefinition;
import ai.kubernaut.support.problem.RemoteServiceException;

/**
 * Loads catalog workflows by id for execution.
 */
public class CatalogWorkflows {

	private final WorkflowCatalogApi catalog;

	public CatalogWorkflows(WorkflowCatalogApi catalog) {
		this.catalog = catalog;
	}

	/**
	 * @throws CatalogWorkflowNotFoundException if the catalog has no such workflow
	 * @throws UnsupportedEngineException if the engine cannot run it
	 * @throws RemoteServiceException if the catalog fails
	 */
	public CatalogRun load(String workflowId) {
		WorkflowDefinition workflow;
		try {
			workflow = this.catalog.getWorkflow(workflowId);
		}
		catch (RemoteServiceException ex) {
			if (ex.isNotFound()) {
				throw new CatalogWorkflowNotFoundException(workflowId);
			}
			throw ex;
		}
		if (workflow == null) {
			throw new CatalogWorkflowNotFoundException(workflowId);
		}
		return CatalogRuns.of(workflow);
	}

}
