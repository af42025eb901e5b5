package ai.kubernaut.engine.nativecatalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import ai.kubernaut.actions.ActionParameter;
import ai.kubernaut.actions.ActionRegistry;
import ai.kubernaut.actions.RemediationAction;
import ai.kubernaut.dag.workflow.ActionCatalog;
import ai.kubernaut.dag.workflow.ConditionCompiler;
import ai.kubernaut.dag.workflow.Workflow;
import ai.kubernaut.dag.workflow.WorkflowStep;
import ai.kubernaut.dag.workflow.WorkflowValidator;
import ai.kubernaut.engine.ServiceIntegrationTest;
import ai.kubernaut.engine.catalog.CatalogRuns;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The native catalog against the actions the engine registers as beans: every step names
 * one of them, gives only parameters it reads, gets those it requires, and passes the
 * action's own parameter checks with the workflow's defaults.
 */
@ServiceIntegrationTest
class NativeCatalogActionsTest {

	private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

	private static final Set<String> TARGET = Set.of("TARGET_RESOURCE", "TARGET_RESOURCE_KIND",
			"TARGET_RESOURCE_NAMESPACE", "TARGET_RESOURCE_NAME");

	ActionRegistry actions;

	@Autowired
	ConditionCompiler conditions;

	/**
	 * The registry of the action beans themselves: the test context's primary registry
	 * swaps some of them for recording stand-ins.
	 */
	@Autowired
	void registryOf(List<RemediationAction> beans) {
		this.actions = new ActionRegistry(beans);
	}

	@Test
	void theListUsedWithoutSpringMatchesTheEngineActions() {
		Map<String, Set<String>> registered = new TreeMap<>();
		for (String name : NativeCatalogActions.REQUIRED_PARAMETERS.keySet()) {
			RemediationAction action = this.actions.find(name).orElse(null);
			assertThat(action).as("action " + name).isNotNull();
			registered.put(name,
					action.parameters()
						.stream()
						.filter(ActionParameter::required)
						.map(ActionParameter::name)
						.filter((parameter) -> !TARGET.contains(parameter))
						.collect(Collectors.toSet()));
		}
		assertThat(registered).isEqualTo(new TreeMap<>(NativeCatalogActions.REQUIRED_PARAMETERS));
	}

	@Test
	void everyWorkflowIsValidForTheEngineActionsAndPassesTheirParameterChecks() {
		Map<String, List<String>> problems = new TreeMap<>();
		for (NativeWorkflow workflow : NativeCatalogTest.workflows()) {
			Map<String, Map<String, Object>> declared = NativeCatalogTest.declaredParameters(workflow);
			Workflow validated = validator(declared.keySet())
				.read(CatalogRuns.of(NativeCatalogTest.definition(workflow)).definition());
			Map<String, Object> given = sampleParameters(workflow, declared);
			for (WorkflowStep step : validated.steps()) {
				if (!runsFor(step, given)) {
					continue;
				}
				Map<String, Object> parameters = new LinkedHashMap<>(given);
				step.parameters().forEach((name, value) -> parameters.put(name, resolve(value, given)));
				List<String> found = this.actions.find(step.action())
					.orElseThrow()
					.validate(parameters)
					.stream()
					// A setting of the engine (the Alertmanager URL) is not the
					// workflow's
					// business.
					.filter((problem) -> !problem.contains("set kubernaut.engine."))
					.toList();
				if (!found.isEmpty()) {
					problems.put(workflow.name() + " step " + step.id(), found);
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void everyStepParameterIsOneItsActionReads() {
		Map<String, Set<String>> unknown = new TreeMap<>();
		for (NativeWorkflow workflow : NativeCatalogTest.workflows()) {
			Workflow validated = validator(NativeCatalogTest.declaredParameters(workflow).keySet())
				.read(CatalogRuns.of(NativeCatalogTest.definition(workflow)).definition());
			for (WorkflowStep step : validated.steps()) {
				Set<String> read = this.actions.find(step.action())
					.orElseThrow()
					.parameters()
					.stream()
					.map(ActionParameter::name)
					.collect(Collectors.toSet());
				Set<String> misspelt = step.parameters()
					.keySet()
					.stream()
					.filter((name) -> !read.contains(name) && !TARGET.contains(name))
					.collect(Collectors.toCollection(TreeSet::new));
				if (!misspelt.isEmpty()) {
					unknown.put(workflow.name() + " step " + step.id() + " (" + step.action() + ")", misspelt);
				}
			}
		}
		assertThat(unknown).isEmpty();
	}

	/**
	 * Whether the step's {@code when} holds for the sample target, before any step ran.
	 */
	private boolean runsFor(WorkflowStep step, Map<String, Object> parameters) {
		if (step.when() == null) {
			return true;
		}
		Map<String, Object> target = Map.of("kind", parameters.get("TARGET_RESOURCE_KIND"), "namespace",
				parameters.get("TARGET_RESOURCE_NAMESPACE"), "name", parameters.get("TARGET_RESOURCE_NAME"));
		return this.conditions.compile(step.when())
			.test(Map.of("params", parameters, "target", target, "steps", Map.of()));
	}

	private WorkflowValidator validator(Set<String> workflowParameters) {
		Map<String, List<String>> required = new LinkedHashMap<>();
		for (String name : this.actions.names()) {
			required.put(name,
					this.actions.find(name)
						.orElseThrow()
						.parameters()
						.stream()
						.filter(ActionParameter::required)
						.map(ActionParameter::name)
						.filter((parameter) -> !TARGET.contains(parameter) && !workflowParameters.contains(parameter))
						.toList());
		}
		return new WorkflowValidator(ActionCatalog.of(required), this.conditions);
	}

	/**
	 * What an execution of the workflow receives when the caller gives a target of the
	 * first kind it declares and what it requires: the declared defaults, the target, a
	 * sample value for each required parameter without default, and the optional ones a
	 * caller must still choose between.
	 */
	private static Map<String, Object> sampleParameters(NativeWorkflow workflow,
			Map<String, Map<String, Object>> declared) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		declared.forEach((name, parameter) -> {
			if (parameter.containsKey("default")) {
				parameters.put(name, parameter.get("default"));
			}
			else if (Boolean.TRUE.equals(parameter.get("required")) && !TARGET.contains(name)) {
				parameters.put(name, name.endsWith("_URL") ? "http://sample.demo-shop.svc:8080/health"
						: name.equals("ALERT_MATCHERS") ? "cache=redis-cluster" : "sample-" + name.toLowerCase());
			}
		});
		parameters.putAll(CALLER_CHOICES.getOrDefault(workflow.name(), Map.of()));
		String components = workflow.content()
			.lines()
			.filter((line) -> line.trim().startsWith("component:"))
			.findFirst()
			.orElseThrow();
		Matcher first = Pattern.compile("\\[[^,\\]]*/([A-Za-z]+)").matcher(components);
		assertThat(first.find()).as(components).isTrue();
		String kind = first.group(1);
		parameters.put("TARGET_RESOURCE_KIND", kind);
		parameters.put("TARGET_RESOURCE_NAMESPACE", "demo-shop");
		parameters.put("TARGET_RESOURCE_NAME", "sample");
		parameters.put("TARGET_RESOURCE", "demo-shop/" + kind + "/sample");
		return parameters;
	}

	/** Optional parameters of which a caller must give at least one. */
	private static final Map<String, Map<String, Object>> CALLER_CHOICES = Map.of("native-patch-configuration-v1",
			Map.of("DATA", "{\"LOG_LEVEL\": \"info\"}"));

	private static Object resolve(Object value, Map<String, Object> given) {
		if (!(value instanceof String text)) {
			return value;
		}
		Matcher matcher = REFERENCE.matcher(text);
		StringBuilder resolved = new StringBuilder();
		while (matcher.find()) {
			Object replacement = given.get(matcher.group(1));
			matcher.appendReplacement(resolved,
					Matcher.quoteReplacement((replacement != null) ? replacement.toString() : matcher.group()));
		}
		matcher.appendTail(resolved);
		return resolved.toString();
	}

}
