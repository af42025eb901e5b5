package ai.kubernaut.actions.workload;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IncreaseResourcesActionTest extends WorkloadActionTest {

	@Test
	void doublesTheMemoryLimitAndRaisesTheRequestToIt() {
		Map<String, Object> output = new IncreaseResourcesAction(this.mutator)
			.execute(context(parameters("Deployment", "checkout", "MEMORY_INCREASE_FACTOR", "2", "CONTAINER", "app")));

		Container app = container("app");
		assertThat(app.getResources().getLimits().get("memory")).hasToString("128Mi");
		assertThat(app.getResources().getRequests().get("memory")).hasToString("128Mi");
		assertThat(container("proxy").getResources().getLimits().get("memory")).hasToString("128Mi");
		assertThat(container("proxy").getResources().getRequests().get("memory")).hasToString("64Mi");
		assertThat(output).containsEntry("changes",
				List.of("spec.template.spec.containers[app].resources.limits.memory: 64Mi -> 128Mi",
						"spec.template.spec.containers[app].resources.requests.memory: 32Mi -> 128Mi"));
	}

	@Test
	void raisesEveryContainerWhenNoneIsNamedAndKeepsRequestsWhenAsked() {
		new IncreaseResourcesAction(this.mutator).execute(context(parameters("Deployment", "checkout",
				"MEMORY_INCREASE_FACTOR", "1.5", "CPU_LIMIT", "1", "REQUESTS_TO_LIMITS", "false")));

		assertThat(container("app").getResources().getLimits().get("memory")).hasToString("96Mi");
		assertThat(container("app").getResources().getLimits().get("cpu")).hasToString("1");
		assertThat(container("app").getResources().getRequests().get("memory")).hasToString("32Mi");
		assertThat(container("proxy").getResources().getLimits().get("memory")).hasToString("192Mi");
		assertThat(container("proxy").getResources().getLimits().get("cpu")).hasToString("1");
	}

	@Test
	void multipliesCpuIntoMillicores() {
		new IncreaseResourcesAction(this.mutator)
			.execute(context(parameters("Deployment", "checkout", "CPU_INCREASE_FACTOR", "1.5", "CONTAINER", "app")));

		assertThat(container("app").getResources().getLimits().get("cpu")).hasToString("750m");
		assertThat(container("app").getResources().getRequests().get("cpu")).hasToString("750m");
	}

	@Test
	void aDryRunChangesNothingAndShowsTheDiff() {
		stubDryRun("/apis/apps/v1", "deployments/checkout", read(Deployment.class, "checkout"));

		Map<String, Object> output = new IncreaseResourcesAction(this.mutator)
			.preview(context(parameters("Deployment", "checkout", "MEMORY_LIMIT", "128Mi", "CONTAINER", "app")));

		assertThat(output).containsEntry("dryRun", true).containsEntry("rollback", null);
		assertThat(output.get("diff").toString()).contains("fromValue=64Mi", "value=128Mi");
		assertThat(container("app").getResources().getLimits().get("memory")).hasToString("64Mi");
	}

	@Test
	void rollsBackLimitsAndRequests() {
		Map<String, Object> output = new IncreaseResourcesAction(this.mutator)
			.execute(context(parameters("Deployment", "checkout", "MEMORY_INCREASE_FACTOR", "2")));

		rollBack(output);

		assertThat(container("app").getResources().getLimits().get("memory")).hasToString("64Mi");
		assertThat(container("app").getResources().getRequests().get("memory")).hasToString("32Mi");
		assertThat(container("proxy").getResources().getLimits().get("memory")).hasToString("128Mi");
	}

	@Test
	void aReplayDoesNotMultiplyAgain() {
		IncreaseResourcesAction action = new IncreaseResourcesAction(this.mutator);
		var context = context(parameters("Deployment", "checkout", "MEMORY_INCREASE_FACTOR", "2"));
		action.execute(context);

		assertThat(action.execute(context)).containsEntry("alreadyApplied", true);
		assertThat(container("app").getResources().getLimits().get("memory")).hasToString("128Mi");
	}

	@Test
	void neverLowersALimit() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new IncreaseResourcesAction(this.mutator)
				.execute(context(parameters("Deployment", "checkout", "MEMORY_LIMIT", "32Mi", "CONTAINER", "app"))))
			.withMessageContaining("never lowers a limit");
	}

	@Test
	void validationNamesEachBadParameter() {
		IncreaseResourcesAction action = new IncreaseResourcesAction(this.mutator);

		assertThat(action.validate(Map.of("MEMORY_INCREASE_FACTOR", "x", "CPU_LIMIT", "lots"))).containsExactly(
				"MEMORY_INCREASE_FACTOR must be a number > 1 (and at most 100), got \"x\"",
				"CPU_LIMIT must be a positive Kubernetes quantity such as 500m, got \"lots\"");
		assertThat(action.validate(Map.of("MEMORY_INCREASE_FACTOR", "0.5")))
			.containsExactly("MEMORY_INCREASE_FACTOR must be a number > 1 (and at most 100), got \"0.5\"");
		assertThat(action.validate(Map.of("MEMORY_LIMIT", "1Gi", "MEMORY_INCREASE_FACTOR", "2")))
			.containsExactly("Give either MEMORY_LIMIT or MEMORY_INCREASE_FACTOR, not both");
		assertThat(action.validate(Map.of())).containsExactly(
				"increase_resources needs one of MEMORY_LIMIT, MEMORY_INCREASE_FACTOR, CPU_LIMIT or CPU_INCREASE_FACTOR");
		assertThat(action.validate(Map.of("MEMORY_INCREASE_FACTOR", "${FACTOR}"))).isEmpty();
	}

	private Container container(String name) {
		return read(Deployment.class, "checkout").getSpec()
			.getTemplate()
			.getSpec()
			.getContainers()
			.stream()
			.filter((c) -> name.equals(c.getName()))
			.findFirst()
			.orElseThrow();
	}

}
