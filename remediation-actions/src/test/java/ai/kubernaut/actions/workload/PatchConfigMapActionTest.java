package ai.kubernaut.actions.workload;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ConfigMap;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PatchConfigMapActionTest extends WorkloadActionTest {

	@Test
	void setsAndRemovesKeys() {
		Map<String, Object> output = new PatchConfigMapAction(this.mutator)
			.execute(context(parameters("Deployment", "checkout", "CONFIG_MAP_NAME", "checkout-settings", "DATA",
					Map.of("TIMEOUT", "30s", "RETRIES", 3), "REMOVE_KEYS", "FEATURE_FAST_PATH")));

		assertThat(settings())
			.containsExactlyInAnyOrderEntriesOf(Map.of("LOG_LEVEL", "info", "TIMEOUT", "30s", "RETRIES", "3"));
		assertThat(changes(output)).containsExactlyInAnyOrder("data.FEATURE_FAST_PATH: true -> (none)",
				"data.TIMEOUT: 5s -> 30s", "data.RETRIES: (none) -> 3");
	}

	@Test
	void acceptsDataAsJsonText() {
		new PatchConfigMapAction(this.mutator).execute(context(parameters("Deployment", "checkout", "CONFIG_MAP_NAME",
				"checkout-settings", "DATA", "{\"LOG_LEVEL\": \"debug\"}")));

		assertThat(settings()).containsEntry("LOG_LEVEL", "debug");
	}

	@Test
	void aDryRunChangesNothingAndShowsTheDiff() {
		stubDryRun("/api/v1", "configmaps/checkout-settings", read(ConfigMap.class, "checkout-settings"));

		Map<String, Object> output = new PatchConfigMapAction(this.mutator).preview(context(parameters("Deployment",
				"checkout", "CONFIG_MAP_NAME", "checkout-settings", "REMOVE_KEYS", List.of("TIMEOUT"))));

		assertThat(changes(output)).containsExactly("data.TIMEOUT: 5s -> (none)");
		assertThat(settings()).containsEntry("TIMEOUT", "5s");
	}

	@Test
	void rollsBackAndReplaysWithoutWriting() {
		PatchConfigMapAction action = new PatchConfigMapAction(this.mutator);
		var context = context(parameters("Deployment", "checkout", "CONFIG_MAP_NAME", "checkout-settings", "DATA",
				Map.of("LOG_LEVEL", "${not a reference}"), "REMOVE_KEYS", "TIMEOUT"));
		Map<String, Object> output = action.execute(context);
		String version = version(ConfigMap.class, "checkout-settings");

		assertThat(action.execute(context)).containsEntry("alreadyApplied", true);
		assertThat(version(ConfigMap.class, "checkout-settings")).isEqualTo(version);

		rollBack(output);
		assertThat(settings()).containsExactlyInAnyOrderEntriesOf(
				Map.of("LOG_LEVEL", "info", "FEATURE_FAST_PATH", "true", "TIMEOUT", "5s"));
	}

	@Test
	void validationAsksForSomethingToChange() {
		PatchConfigMapAction action = new PatchConfigMapAction(this.mutator);

		assertThat(action.validate(Map.of("CONFIG_MAP_NAME", "x")))
			.containsExactly("patch_config_map needs DATA or REMOVE_KEYS");
		assertThat(action.validate(Map.of("CONFIG_MAP_NAME", "x", "DATA", "LOG_LEVEL=debug"))).singleElement()
			.asString()
			.startsWith("DATA must be a map of keys to text");
	}

	private Map<String, String> settings() {
		return read(ConfigMap.class, "checkout-settings").getData();
	}

}
