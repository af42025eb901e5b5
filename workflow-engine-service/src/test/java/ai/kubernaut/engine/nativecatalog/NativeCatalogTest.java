package ai.kubernaut.engine.nativecatalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ai.kubernaut.contracts.catalog.WorkflowDefinition;
import ai.kubernaut.contracts.catalog.WorkflowParameter;
import ai.kubernaut.dag.workflow.ActionCatalog;
import ai.kubernaut.dag.workflow.ConditionCompiler;
import ai.kubernaut.dag.workflow.Workflow;
import ai.kubernaut.dag.workflow.WorkflowValidator;
import ai.kubernaut.engine.catalog.CatalogRun;
import ai.kubernaut.engine.catalog.CatalogRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped native workflows: each one is a well-formed Kubernaut
 * {@code RemediationWorkflow} that the engine accepts as it would run it from the
 * catalog.
 */
class NativeCatalogTest {

	private static final Pattern REFERENCE = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

	/**
	 * Set by the engine for every execution, whether or not the workflow declares them.
	 */
	private static final Set<String> INJECTED = Set.of("TARGET_RESOURCE", "TARGET_RESOURCE_KIND",
			"TARGET_RESOURCE_NAMESPACE", "TARGET_RESOURCE_NAME");

	/**
	 * Every action of the engine and the parameters it requires besides
	 * {@code TARGET_RESOURCE_*}, as the engine's validator sees them.
	 */
	static final Map<String, Set<String>> ACTIONS = NativeCatalogActions.REQUIRED_PARAMETERS;

	static List<NativeWorkflow> workflows() {
		return NativeCatalog.load(NativeCatalog.DEFAULT_LOCATION);
	}

	@Test
	void shipsTheNativeCounterpartsAndTheThreeMultiStepExamples() {
		assertThat(workflows()).extracting(NativeWorkflow::name)
			.containsExactlyInAnyOrder("native-increase-memory-limits-v1", "native-graceful-restart-v1",
					"native-rollback-deployment-v1", "native-scale-replicas-v1", "native-patch-hpa-v1",
					"native-relax-pdb-v1", "native-cordon-drain-node-v1", "native-remove-taint-v1",
					"native-expand-pvc-v1", "native-cleanup-pvc-v1", "native-patch-configuration-v1",
					"native-oomkill-memory-leak-v1", "native-cascading-failure-v1", "native-alert-storm-v1");
	}

	@Test
	void namesNeverClashWithKubernautsPublishedWorkflows() throws IOException {
		Set<String> published = fixtureLines("kubernaut-workflow-names.txt");
		assertThat(published).hasSizeGreaterThan(30);
		assertThat(workflows()).extracting(NativeWorkflow::name)
			.doesNotHaveDuplicates()
			.allSatisfy((name) -> assertThat(name).startsWith("native-"))
			.doesNotContainAnyElementsOf(published);
	}

	@Test
	void theMultiStepExamplesKeepTheShapeOfTheirSeeds() {
		assertThat(steps("native-oomkill-memory-leak-v1")).hasSize(7);
		assertThat(steps("native-cascading-failure-v1")).hasSize(9);
		assertThat(steps("native-alert-storm-v1")).hasSize(5);
		Map<String, Object> gate = steps("native-oomkill-memory-leak-v1").get(3);
		assertThat(gate).containsEntry("id", "rolling-restart").containsEntry("requiresApproval", true);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("workflows")
	void usesAKubernautActionTypeAndItsMandatoryLabels(NativeWorkflow workflow) throws IOException {
		Map<String, Object> spec = spec(workflow);
		assertThat(fixtureLines("kubernaut-action-types.txt")).contains(workflow.actionType());
		assertThat(spec).containsEntry("version", "1.0.0");
		Map<String, Object> labels = map(spec.get("labels"));
		assertThat(labels).containsOnlyKeys("severity", "environment", "component", "priority");
		assertThat(list(labels.get("severity"))).isNotEmpty()
			.isSubsetOf("critical", "high", "medium", "low", "warning", "info", "*");
		assertThat(list(labels.get("environment"))).isNotEmpty()
			.isSubsetOf("production", "staging", "development", "test", "*");
		assertThat(list(labels.get("component"))).isNotEmpty()
			.allSatisfy((component) -> assertThat(component.toString()).matches("([a-z.]+/)?v\\d\\w*/[A-Z]\\w+"));
		assertThat(labels.get("priority")).isEqualTo("*");
		assertThat(map(spec.get("description"))).containsKeys("what", "whenToUse", "whenNotToUse", "preconditions");
		assertThat(map(spec.get("execution"))).containsEntry("engine", "dag").doesNotContainKey("bundle");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("workflows")
	void declaresEveryParameterItReferencesAndTheTargetItActsOn(NativeWorkflow workflow) {
		Map<String, Map<String, Object>> declared = declaredParameters(workflow);
		assertThat(declared).containsKey("TARGET_RESOURCE_KIND").containsKey("TARGET_RESOURCE_NAMESPACE");
		assertThat(declared.values())
			.allSatisfy((parameter) -> assertThat(parameter).containsKeys("name", "type", "required", "description"));
		Set<String> referenced = references(map(spec(workflow).get("execution")).get("steps"));
		referenced.removeAll(Set.of("TARGET_RESOURCE"));
		assertThat(declared.keySet()).as("declared parameters of " + workflow.name()).containsAll(referenced);
		for (String name : referenced) {
			Map<String, Object> parameter = declared.get(name);
			boolean suppliedOrDefaulted = Boolean.TRUE.equals(parameter.get("required"))
					|| parameter.containsKey("default");
			assertThat(suppliedOrDefaulted).as(name + " is referenced, so it must be required or have a default")
				.isTrue();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("workflows")
	void isAValidWorkflowForTheEngineAsItRunsItFromTheCatalog(NativeWorkflow workflow) {
		CatalogRun run = CatalogRuns.of(definition(workflow));

		Workflow validated = validator(ACTIONS, declaredParameters(workflow).keySet()).read(run.definition());

		assertThat(validated.steps()).isNotEmpty();
		assertThat(run.defaults()).containsKeys(declaredParameters(workflow).entrySet()
			.stream()
			.filter((entry) -> entry.getValue().containsKey("default"))
			.map(Map.Entry::getKey)
			.toArray(String[]::new));
	}

	/**
	 * The engine's own check at submission: an action's required parameters must be given
	 * by the step, by the workflow's parameters, or be injected.
	 */
	static WorkflowValidator validator(Map<String, Set<String>> actions, Set<String> workflowParameters) {
		Map<String, List<String>> required = new LinkedHashMap<>();
		actions.forEach((action, parameters) -> required.put(action,
				parameters.stream()
					.filter((parameter) -> !INJECTED.contains(parameter) && !workflowParameters.contains(parameter))
					.toList()));
		return new WorkflowValidator(ActionCatalog.of(required), celConditions());
	}

	/**
	 * The engine's CEL compiler for {@code when}; package-private in the execution
	 * package, so reached reflectively rather than through a Spring context.
	 */
	static ConditionCompiler celConditions() {
		try {
			var constructor = Class.forName("ai.kubernaut.engine.execution.CelConditions").getDeclaredConstructor();
			constructor.setAccessible(true);
			return (ConditionCompiler) constructor.newInstance();
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("The engine's CelConditions changed", ex);
		}
	}

	/**
	 * What data-storage hands the engine for the registered file.
	 */
	static WorkflowDefinition definition(NativeWorkflow workflow) {
		List<WorkflowParameter> parameters = declaredParameters(workflow).values()
			.stream()
			.map((parameter) -> new WorkflowParameter(parameter.get("name").toString(),
					parameter.get("type").toString(), Boolean.TRUE.equals(parameter.get("required")),
					parameter.get("description").toString(), parameter.get("default")))
			.toList();
		return new WorkflowDefinition("00000000-0000-0000-0000-000000000000", workflow.name(), workflow.name(),
				workflow.version(), workflow.actionType(), null, "dag", null, null, parameters, Map.of(), Map.of(),
				Map.of(), "Active", true, workflow.content(), null);
	}

	static Map<String, Map<String, Object>> declaredParameters(NativeWorkflow workflow) {
		Map<String, Map<String, Object>> declared = new LinkedHashMap<>();
		for (Object parameter : list(spec(workflow).get("parameters"))) {
			Map<String, Object> map = map(parameter);
			declared.put(map.get("name").toString(), map);
		}
		return declared;
	}

	private static List<Map<String, Object>> steps(String name) {
		NativeWorkflow workflow = workflows().stream().filter((w) -> w.name().equals(name)).findFirst().orElseThrow();
		return list(map(spec(workflow).get("execution")).get("steps")).stream().map(NativeCatalogTest::map).toList();
	}

	private static Set<String> references(Object node) {
		Set<String> found = new LinkedHashSet<>();
		if (node instanceof Map<?, ?> map) {
			map.values().forEach((value) -> found.addAll(references(value)));
		}
		else if (node instanceof List<?> list) {
			list.forEach((value) -> found.addAll(references(value)));
		}
		else if (node instanceof String text) {
			Matcher matcher = REFERENCE.matcher(text);
			while (matcher.find()) {
				found.add(matcher.group(1));
			}
		}
		return found;
	}

	private static Map<String, Object> spec(NativeWorkflow workflow) {
		Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(workflow.content());
		return map(root.get("spec"));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object node) {
		assertThat(node).isInstanceOf(Map.class);
		return (Map<String, Object>) node;
	}

	private static List<Object> list(Object node) {
		assertThat(node).isInstanceOf(List.class);
		return new ArrayList<>((List<?>) node);
	}

	static Set<String> fixtureLines(String name) throws IOException {
		try (InputStream in = NativeCatalogTest.class.getResourceAsStream("/fixtures/native-catalog/" + name)) {
			assertThat(in).as(name).isNotNull();
			return Stream.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
				.map(String::trim)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.collect(Collectors.toCollection(LinkedHashSet::new));
		}
	}

}
