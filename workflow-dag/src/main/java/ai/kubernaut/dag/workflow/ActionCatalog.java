package ai.kubernaut.dag.workflow;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The actions a workflow may use and the parameters each requires, so a definition can be
 * checked before anything runs.
 */
public final class ActionCatalog {

	private final Map<String, Set<String>> requiredParameters;

	private ActionCatalog(Map<String, Set<String>> requiredParameters) {
		this.requiredParameters = requiredParameters;
	}

	/**
	 * A catalog of {@code requiredParameters} by action name.
	 */
	public static ActionCatalog of(Map<String, ? extends Collection<String>> requiredParameters) {
		Map<String, Set<String>> copy = new TreeMap<>();
		requiredParameters.forEach((action, parameters) -> copy.put(action, Set.copyOf(parameters)));
		return new ActionCatalog(copy);
	}

	/**
	 * Accepts every action and requires no parameters, for tools that only draw or
	 * convert workflows.
	 */
	public static ActionCatalog any() {
		return new ActionCatalog(null);
	}

	/**
	 * The known action names, sorted; empty when every action is accepted.
	 */
	public Optional<Set<String>> actions() {
		return Optional.ofNullable(this.requiredParameters).map(Map::keySet);
	}

	/**
	 * What {@code action} requires; empty for an unknown action or an open catalog.
	 */
	public Set<String> requiredParameters(String action) {
		return (this.requiredParameters != null) ? this.requiredParameters.getOrDefault(action, Set.of()) : Set.of();
	}

}
