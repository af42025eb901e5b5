package ai.kubernaut.dag.workflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.kubernaut.dag.Dag;
import ai.kubernaut.dag.DagError;
import ai.kubernaut.dag.DagValidationException;
import ai.kubernaut.dag.StepSpec;

/**
 * Checks a workflow completely and reports every problem in one
 * {@link DagValidationException}: malformed fields, an empty graph, duplicate ids,
 * unknown actions and dependencies, cycles (with their path), missing required
 * parameters, references to outputs a step cannot see, and conditions that do not
 * compile. Thread-safe.
 */
public final class WorkflowValidator {

	private final ActionCatalog actions;

	private final ConditionCompiler conditions;

	public WorkflowValidator(ActionCatalog actions, ConditionCompiler conditions) {
		this.actions = actions;
		this.conditions = conditions;
	}

	/**
	 * Reads {@code tree} in any supported shape (see the format guide) and validates it.
	 * @throws DagValidationException listing every problem
	 */
	public Workflow read(Map<String, ?> tree) {
		DefinitionReader.Parsed parsed = DefinitionReader.read(tree);
		return validate(parsed.definition(), parsed.errors());
	}

	/**
	 * @throws DagValidationException listing every problem
	 */
	public Workflow validate(WorkflowDefinition definition) {
		return validate(definition, List.of());
	}

	private Workflow validate(WorkflowDefinition definition, List<DagError> earlier) {
		List<DagError> errors = new ArrayList<>(earlier);
		Dag.Builder builder = Dag.builder();
		definition.steps().forEach((step) -> builder.step(step.toStepSpec()));
		this.actions.actions().ifPresent(builder::knownActions);
		List<DagError> graphErrors = builder.problems();
		errors.addAll(graphErrors);
		Map<String, ConditionCompiler.Condition> compiled = new HashMap<>();
		Map<String, Set<String>> ancestors = graphErrors.isEmpty() ? ancestors(definition) : null;
		for (WorkflowStep step : definition.steps()) {
			checkRequiredParameters(step.id(), step.action(), step.parameters(), "", errors);
			if (step.rollback() != null) {
				checkRequiredParameters(step.id(), step.rollback().action(), step.rollback().parameters(), "rollback ",
						errors);
				checkKnownAction(step.id(), step.rollback().action(), errors);
			}
			checkReferences(step, ancestors, errors);
			if (step.when() != null) {
				try {
					compiled.put(step.id(), this.conditions.compile(step.when()));
				}
				catch (IllegalArgumentException ex) {
					errors.add(new DagError(DagError.Kind.INVALID_CONDITION, step.id(), "Step '" + step.id()
							+ "' has an invalid when condition '" + step.when() + "': " + ex.getMessage()));
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new DagValidationException(errors);
		}
		return new Workflow(definition, builder.build(), compiled);
	}

	private void checkRequiredParameters(String stepId, String action, Map<String, Object> parameters, String what,
			List<DagError> errors) {
		for (String required : this.actions.requiredParameters(action).stream().sorted().toList()) {
			if (!parameters.containsKey(required)) {
				errors.add(new DagError(DagError.Kind.MISSING_PARAMETER, stepId, "Step '" + stepId + "' " + what
						+ "action '" + action + "' requires parameter '" + required + "'"));
			}
		}
	}

	private void checkKnownAction(String stepId, String action, List<DagError> errors) {
		this.actions.actions()
			.filter((known) -> !known.contains(action))
			.ifPresent((known) -> errors.add(new DagError(DagError.Kind.UNKNOWN_ACTION, stepId, "Step '" + stepId
					+ "' rolls back with unknown action '" + action + "'; known actions are " + known)));
	}

	private static void checkReferences(WorkflowStep step, Map<String, Set<String>> ancestors, List<DagError> errors) {
		List<ParameterReferences.Reference> references = new ArrayList<>(ParameterReferences.find(step.parameters()));
		List<ParameterReferences.Reference> rollbackReferences = (step.rollback() != null)
				? ParameterReferences.find(step.rollback().parameters()) : List.of();
		for (ParameterReferences.Reference reference : references) {
			checkReference(step, reference, ancestors, false, errors);
		}
		for (ParameterReferences.Reference reference : rollbackReferences) {
			checkReference(step, reference, ancestors, true, errors);
		}
	}

	private static void checkReference(WorkflowStep step, ParameterReferences.Reference reference,
			Map<String, Set<String>> ancestors, boolean rollback, List<DagError> errors) {
		if (reference.problem() != null) {
			errors.add(new DagError(DagError.Kind.INVALID_REFERENCE, step.id(), "Step '" + step.id()
					+ "' has a malformed reference " + reference.text() + ": " + reference.problem()));
			return;
		}
		if (reference.stepId() == null || ancestors == null) {
			return;
		}
		boolean visible = ancestors.get(step.id()).contains(reference.stepId())
				|| (rollback && reference.stepId().equals(step.id()));
		if (!visible) {
			errors.add(new DagError(DagError.Kind.INVALID_REFERENCE, step.id(),
					"Step '" + step.id() + "' refers to " + reference.text() + ", but step '" + reference.stepId()
							+ "' is not one of its dependencies, so its output is not there when '" + step.id()
							+ "' runs"));
		}
	}

	private static Map<String, Set<String>> ancestors(WorkflowDefinition definition) {
		Dag dag = Dag.builder().steps(definition.steps().stream().map(WorkflowStep::toStepSpec).toList()).build();
		Map<String, Set<String>> ancestors = new HashMap<>();
		for (StepSpec step : dag.topologicalOrder()) {
			Set<String> all = new LinkedHashSet<>();
			for (String dependency : step.dependsOn()) {
				all.add(dependency);
				all.addAll(ancestors.get(dependency));
			}
			ancestors.put(step.id(), all);
		}
		return ancestors;
	}

}
