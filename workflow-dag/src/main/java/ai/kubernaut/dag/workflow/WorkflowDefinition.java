package ai.kubernaut.dag.workflow;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A workflow as its author wrote it, before validation: steps plus the run strategy.
 * Build a runnable {@link Workflow} from it with {@link WorkflowValidator}.
 *
 * @param name a title, e.g. {@code oomkill-payment-service}
 * @param steps the steps in declaration order
 * @param strategy how the run behaves
 * @param metadata what the source carried beyond the steps (e.g. a recommendation's
 * {@code estimatedDuration}); shown, never interpreted
 */
public record WorkflowDefinition(String name, List<WorkflowStep> steps, Strategy strategy,
		Map<String, Object> metadata) {

	public WorkflowDefinition {
		Objects.requireNonNull(steps, "steps");
		steps = List.copyOf(steps);
		strategy = (strategy != null) ? strategy : Strategy.defaults(steps.size());
		metadata = (metadata != null) ? Map.copyOf(metadata) : Map.of();
		name = (name == null || name.isBlank()) ? "workflow" : name;
	}

	public static WorkflowDefinition of(String name, List<WorkflowStep> steps) {
		return new WorkflowDefinition(name, steps, null, null);
	}

	public WorkflowDefinition withStrategy(Strategy strategy) {
		return new WorkflowDefinition(this.name, this.steps, strategy, this.metadata);
	}

}
