package ai.kubernaut.dag;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by {@link Dag.Builder#build()} with every problem found, not just the first, so
 * a workflow author can fix them all in one go.
 */
public class DagValidationException extends IllegalArgumentException {

	private final List<DagError> errors;

	public DagValidationException(List<DagError> errors) {
		super(describe(errors));
		this.errors = List.copyOf(errors);
	}

	/**
	 * The problems, in a stable order: empty graph, invalid steps, duplicates, unknown
	 * actions, unknown dependencies, then cycles.
	 */
	public List<DagError> errors() {
		return this.errors;
	}

	private static String describe(List<DagError> errors) {
		String heading = (errors.size() == 1) ? "Invalid workflow graph: 1 error"
				: "Invalid workflow graph: " + errors.size() + " errors";
		return errors.stream().map(DagError::message).collect(Collectors.joining("\n - ", heading + "\n - ", ""));
	}

}
