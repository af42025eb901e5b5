package ai.kubernaut.actions.workload;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EnableDebugModeActionTest extends WorkloadActionTest {

	@Test
	void setsLogLevelDebugInTheFirstContainerByDefault() {
		Map<String, Object> output = new EnableDebugModeAction(this.mutator)
			.execute(context(parameters("Deployment", "checkout")));

		assertThat(container("app").getEnv()).containsExactly(new EnvVar("LOG_LEVEL", "debug", null));
		assertThat(container("proxy").getEnv()).isNullOrEmpty();
		assertThat(output).containsEntry("container", "app")
			.containsEntry("changes",
					List.of("spec.template.spec.containers[app].env[LOG_LEVEL].value: info -> debug"));
	}

	@Test
	void appendsArgumentsToANamedContainerOnce() {
		new EnableDebugModeAction(this.mutator).execute(context(
				parameters("Deployment", "checkout", "CONTAINER", "proxy", "ARGS", "--log-level debug --log-level")));

		assertThat(container("proxy").getArgs()).containsExactly("--log-level", "debug");
	}

	@Test
	void aDryRunChangesNothingAndShowsTheDiff() {
		stubDryRun("/apis/apps/v1", "deployments/checkout", read(Deployment.class, "checkout"));

		Map<String, Object> output = new EnableDebugModeAction(this.mutator)
			.preview(context(parameters("Deployment", "checkout", "ENV_NAME", "DEBUG", "ENV_VALUE", "true")));

		assertThat(changes(output)).containsExactly(
				"spec.template.spec.containers[app].env: [{\"name\":\"LOG_LEVEL\",\"value\":\"info\"}] -> [{\"name\":\"LOG_LEVEL\",\"value\":\"info\"},{\"name\":\"DEBUG\",\"value\":\"true\"}]");
		assertThat(container("app").getEnv()).containsExactly(new EnvVar("LOG_LEVEL", "info", null));
	}

	@Test
	void rollsBackAndReplaysWithoutWriting() {
		EnableDebugModeAction action = new EnableDebugModeAction(this.mutator);
		var context = context(parameters("Deployment", "checkout"));
		Map<String, Object> output = action.execute(context);
		String version = version(Deployment.class, "checkout");

		assertThat(action.execute(context)).containsEntry("alreadyApplied", true);
		assertThat(version(Deployment.class, "checkout")).isEqualTo(version);

		rollBack(output);
		assertThat(container("app").getEnv()).containsExactly(new EnvVar("LOG_LEVEL", "info", null));
	}

	@Test
	void validationNamesTheParameter() {
		assertThat(new EnableDebugModeAction(this.mutator).validate(Map.of("ENV_NAME", "log level")))
			.containsExactly("ENV_NAME must be an environment variable name such as LOG_LEVEL, got \"log level\"");
		assertThat(new EnableDebugModeAction(this.mutator).validate(Map.of("ARGS", "-v", "ENV_VALUE", "x")))
			.containsExactly("Give either ARGS or ENV_NAME/ENV_VALUE, not both");
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
