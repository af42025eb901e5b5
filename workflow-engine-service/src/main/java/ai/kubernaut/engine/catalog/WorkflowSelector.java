package ai.kubernaut.engine.catalog;

import java.util.List;
import java.util.Optional;

import ai.kubernaut.contracts.catalog.WorkflowCatalogApi;
import ai.kubernaut.contracts.catalog.WorkflowDefinition;
import ai.kubernaut.contracts.catalog.WorkflowDiscoveryEntry;
import ai.kubernaut.contracts.catalog.WorkflowDiscoveryResponse;
import ai.kubernaut.support.problem.RemoteServiceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the workflow to run through the catalog's discovery protocol: list the matching
 * workflows of the action type (best first), then fetch the first in full.
 */
public class WorkflowSelector {

	private static final Logger log = LoggerFactory.getLogger(WorkflowSelector.class);

	static final int CANDIDATES = 10;

	private final WorkflowCatalogApi catalog;

	public WorkflowSelector(WorkflowCatalogApi catalog) {
		this.catalog = catalog;
	}

	/**
	 * The best matching workflow, or empty when none matches.
	 * @throws RemoteServiceException if the catalog answers an error other than "not
	 * found"
	 */
	public Optional<WorkflowDefinition> select(WorkflowQuery query) {
		WorkflowDiscoveryResponse response = this.catalog.listWorkflowsByActionType(query.actionType(),
				query.severity(), query.component(), query.environment(), query.priority(), 0, CANDIDATES);
		List<WorkflowDiscoveryEntry> candidates = (response != null && response.workflows() != null)
				? response.workflows() : List.of();
		if (candidates.isEmpty()) {
			return Optional.empty();
		}
		WorkflowDiscoveryEntry best = candidates.get(0);
		log.info("Chose workflow {} ({}) among {} candidate(s) for {} with {}", best.workflowName(), best.workflowId(),
				candidates.size(), query.actionType(), query.describe());
		try {
			return Optional.ofNullable(this.catalog.getWorkflow(best.workflowId()));
		}
		catch (RemoteServiceException ex) {
			if (ex.isNotFound()) {
				// Withdrawn between the two calls: no workflow is a truthful answer.
				return Optional.empty();
			}
			throw ex;
		}
	}

}
