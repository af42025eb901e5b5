package ai.kubernaut.engine.catalog;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import ai.kubernaut.contracts.catalog.WorkflowCatalogApi;
import ai.kubernaut.contracts.catalog.WorkflowDefinition;
import ai.kubernaut.contracts.catalog.WorkflowDiscoveryEntry;
import ai.kubernaut.contracts.catalog.WorkflowDiscoveryResponse;
import ai.kubernaut.support.problem.RemoteServiceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Picks the workflow to run through the catalog's discovery protocol: list the matching
 * workflows of the action type with their scores (the catalog ranks them with Kubernaut's
 * label boosts), keep those this engine can run, take the best, then fetch it in full.
 * <p>
 * Among equally scored workflows a native ({@code engine: dag}) one wins over a Job
 * bundle: the engine can dry-run it, snapshot what it changes and roll it back step by
 * step, which it cannot do inside a container image. Tekton and Ansible workflows are
 * passed over, since this engine does not drive them.
 */
public class WorkflowSelector {

	private static final Logger log = LoggerFactory.getLogger(WorkflowSelector.class);

	static final int CANDIDATES = 20;

	private static final Map<String, Integer> ENGINE_PREFERENCE = Map.of("dag", 0, "job", 1);

	private final WorkflowCatalogApi catalog;

	private final JsonMapper json;

	public WorkflowSelector(WorkflowCatalogApi catalog, JsonMapper json) {
		this.catalog = catalog;
		this.json = json;
	}

	/**
	 * The best matching workflow the engine can run, or empty when none.
	 * @param correlation the remediation asking, for the catalog's audit of the query
	 * @throws RemoteServiceException if the catalog answers an error other than "not
	 * found"
	 */
	public Optional<WorkflowDefinition> select(WorkflowQuery query, UUID correlation) {
		WorkflowDiscoveryResponse response = this.catalog.discoverWorkflows(query.actionType(), query.severity(),
				query.component(), query.environment(), query.priority(),
				query.customLabels().isEmpty() ? null : this.json.writeValueAsString(query.customLabels()),
				query.detectedLabels().isEmpty() ? null : this.json.writeValueAsString(query.detectedLabels()), null,
				(correlation != null) ? correlation.toString() : null, 0, CANDIDATES, true);
		List<WorkflowDiscoveryEntry> candidates = (response != null && response.workflows() != null)
				? response.workflows() : List.of();
		Optional<WorkflowDiscoveryEntry> best = best(candidates);
		if (best.isEmpty()) {
			if (!candidates.isEmpty()) {
				log.warn("None of the {} workflow(s) for {} runs on a supported engine (dag, job)", candidates.size(),
						query.actionType());
			}
			return Optional.empty();
		}
		log.info("Chose workflow {} ({}, engine {}) among {} candidate(s) for {} with {}", best.get().workflowName(),
				best.get().workflowId(), best.get().executionEngine(), candidates.size(), query.actionType(),
				query.describe());
		try {
			return Optional.ofNullable(this.catalog.getWorkflow(best.get().workflowId()));
		}
		catch (RemoteServiceException ex) {
			if (ex.isNotFound()) {
				// Withdrawn between the two calls: no workflow is a truthful answer.
				return Optional.empty();
			}
			throw ex;
		}
	}

	/**
	 * The highest score among the runnable candidates; on a tie the preferred engine,
	 * then the catalog's order.
	 */
	static Optional<WorkflowDiscoveryEntry> best(List<WorkflowDiscoveryEntry> candidates) {
		Comparator<WorkflowDiscoveryEntry> byScore = Comparator.comparing(
				(WorkflowDiscoveryEntry entry) -> (entry.score() != null) ? entry.score() : BigDecimal.ZERO,
				Comparator.reverseOrder());
		Comparator<WorkflowDiscoveryEntry> order = byScore
			.thenComparing((entry) -> ENGINE_PREFERENCE.get(engine(entry)))
			.thenComparing(candidates::indexOf);
		return candidates.stream().filter((entry) -> ENGINE_PREFERENCE.containsKey(engine(entry))).min(order);
	}

	private static String engine(WorkflowDiscoveryEntry entry) {
		return (entry.executionEngine() != null) ? entry.executionEngine() : "tekton";
	}

}
