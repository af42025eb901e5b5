package ai.kubernaut.engine.catalog;

import java.util.Map;

/**
 * What the engine runs for a catalog workflow.
 *
 * @param definition the workflow in the native format
 * @param defaults the declared parameters' defaults; the caller's parameters override
 * them
 */
public record CatalogRun(String workflowId, String workflowName, String actionType, String engine,
		Map<String, Object> definition, Map<String, Object> defaults) {

	public CatalogRun {
		definition = Map.copyOf(definition);
		defaults = Map.copyOf(defaults);
	}

}
