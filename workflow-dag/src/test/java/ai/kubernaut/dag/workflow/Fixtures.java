package ai.kubernaut.dag.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.Yaml;

final class Fixtures {

	/** The actions of the seed OOMKill workflow, none requiring parameters. */
	static final ActionCatalog OOMKILL_ACTIONS = ActionCatalog.of(Map.of("collect_diagnostics", Set.of(), "backup_data",
			Set.of(), "increase_resources", Set.of(), "restart_pod", Set.of(), "enable_debug_mode", Set.of(),
			"update_hpa", Set.of(), "notify_only", Set.of()));

	/**
	 * Conditions of the form {@code params.NAME == 'value'}, plus {@code true} and
	 * {@code false}: just enough language to test scheduling without a real one.
	 */
	static final ConditionCompiler CONDITIONS = (expression) -> {
		if (expression.equals("true") || expression.equals("false")) {
			boolean value = Boolean.parseBoolean(expression);
			return (variables) -> value;
		}
		String[] parts = expression.split("==");
		if (parts.length != 2 || !parts[0].strip().startsWith("params.")) {
			throw new IllegalArgumentException("syntax error");
		}
		String name = parts[0].strip().substring("params.".length());
		String expected = parts[1].strip().replace("'", "");
		return (variables) -> {
			Map<?, ?> params = (Map<?, ?>) variables.get("params");
			if (!params.containsKey(name)) {
				throw new IllegalArgumentException("no such key: " + name);
			}
			return expected.equals(String.valueOf(params.get(name)));
		};
	};

	private Fixtures() {
	}

	static Map<String, Object> load(String name) {
		try (InputStream in = Fixtures.class.getResourceAsStream("/workflows/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture " + name);
			}
			return new Yaml().load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
