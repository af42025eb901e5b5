package ai.kubernaut.engine.catalog;

import ai.kubernaut.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;

/**
 * A workflow id that the catalog does not know: the caller's mistake, so a 400 naming the
 * field.
 */
public class CatalogWorkflowNotFoundException extends ApiProblemException {

	public CatalogWorkflowNotFoundException(String workflowId) {
		super(HttpStatus.BAD_REQUEST, "catalog-workflow-not-found", "Unknown catalog workflow",
				"workflowId: the catalog has no workflow " + workflowId);
		with("workflowId", workflowId);
	}

}
