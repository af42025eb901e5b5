package ai.kubernaut.engine.action;

import ai.kubernaut.actions.ActionRegistry;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import ai.kubernaut.contracts.signal.ResourceRef;
import ai.kubernaut.dag.Dag;
import ai.kubernaut.dag.StepResult;
import ai.kubernaut.dag.StepSpec;
import ai.kubernaut.engine.Fixtures;
import ai.kubernaut.engine.cluster.ScaleResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ActionPlannerTest {

	final ActionRegistry actions = new ActionRegistry(List.of(new ScaleDeploymentAction(
			(deployment, change) -> new ScaleResult(1, change.applyAsInt(1)), new LimitsProperties(20))));

	final ActionPlanner planner = new ActionPlanner(this.actions);

	final ResourceRef target = new ResourceRef("Deployment", "demo-gateway", "api-frontend");

	@Test
	void plansOneNativeStepForTheActionType() {
		Dag dag = this.planner.plan("ScaleReplicas", Fixtures.scaleWorkflow(), Map.of("SCALE_REPLICAS", "+1"),
				this.target);

		assertThat(dag.steps()).extracting(StepSpec::action).containsExactly("scale_deployment");
	}

	@Test
	void layersWorkflowDefaultsRouteParametersAndTheTarget() {
		Dag dag = this.planner.plan("ScaleReplicas", Fixtures.scaleWorkflow(),
				Map.of("SCALE_REPLICAS", "+1", "TARGET_RESOURCE_NAME", "someone-else"), this.target);

		assertThat(dag.steps().get(0).parameters())
			.isEqualTo(Map.of("SCALE_REPLICAS", "+1", "TARGET_RESOURCE_NAMESPACE", "demo-gateway",
					"TARGET_RESOURCE_NAME", "api-frontend", "TARGET_RESOURCE_KIND", "Deployment"));
	}

	@Test
	void usesTheWorkflowDefaultWhenTheRouteSetsNothing() {
		Dag dag = this.planner.plan("ScaleReplicas", Fixtures.scaleWorkflow(), Map.of(), this.target);

		assertThat(dag.steps().get(0).parameters()).containsEntry("SCALE_REPLICAS", "0");
	}

	@Test
	void refusesAnActionTypeNoNativeActionImplements() {
		assertThatExceptionOfType(UnsupportedActionTypeException.class)
			.isThrownBy(() -> this.planner.plan("DrainNode", Fixtures.scaleWorkflow(), Map.of(), this.target))
			.withMessage("no native action implements action type DrainNode; supported: [ScaleReplicas]");
	}

	@Test
	void aStepMissingARequiredParameterFailsBeforeTheActionRuns() throws Exception {
		StepResult result = this.actions.runnerFor(UUID.randomUUID())
			.run(new StepSpec("scale", "scale_deployment", Map.of("TARGET_RESOURCE_NAMESPACE", "demo"), null));

		assertThat(result)
			.isEqualTo(StepResult.failed("scale_deployment needs parameter(s) TARGET_RESOURCE_NAME, SCALE_REPLICAS"));
	}

}
