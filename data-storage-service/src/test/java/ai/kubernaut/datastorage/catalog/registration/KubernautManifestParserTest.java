package ai.kubernaut.datastorage.catalog.registration;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import ai.kubernaut.datastorage.CatalogApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

class KubernautManifestParserTest {

	private static final Predicate<String> ANY_ACTION_TYPE = (actionType) -> true;

	private final KubernautManifestParser parser = new KubernautManifestParser();

	static Stream<Path> publishedWorkflows() throws IOException, URISyntaxException {
		return Stream.concat(files("kubernaut-catalog/workflows"),
				files("kubernaut-catalog/chart-demo-content/workflows"));
	}

	static Stream<Path> documentedWorkflows() throws IOException, URISyntaxException {
		return files("kubernaut-catalog/docs-examples/workflows");
	}

	static Stream<Path> publishedActionTypes() throws IOException, URISyntaxException {
		return Stream.concat(files("kubernaut-catalog/action-types"),
				files("kubernaut-catalog/docs-examples/action-types"));
	}

	@ParameterizedTest
	@MethodSource("publishedWorkflows")
	void acceptsEveryWorkflowKubernautPublishes(Path file) throws IOException {
		WorkflowManifest workflow = this.parser.parseWorkflow(Files.readString(file), ANY_ACTION_TYPE);

		assertThat(workflow.name()).isEqualTo(file.getFileName().toString().replace(".yaml", ""));
		assertThat(workflow.labels().path("severity").isArray()).isTrue();
		assertThat(workflow.labels().path("component").isArray()).isTrue();
		assertThat(workflow.parameters()).isNotEmpty();
	}

	@ParameterizedTest
	@MethodSource("publishedActionTypes")
	void acceptsEveryActionTypeKubernautPublishes(Path file) throws IOException {
		ActionTypeManifest actionType = this.parser.parseActionType(Files.readString(file));

		assertThat(actionType.name()).matches("[A-Z][A-Za-z0-9]*");
		assertThat(actionType.description().what()).isNotBlank();
		assertThat(actionType.description().whenToUse()).isNotBlank();
	}

	@Test
	void reportsEveryViolationWithItsFieldPath() {
		InvalidManifestException invalid = catchThrowableOfType(InvalidManifestException.class, () -> this.parser
			.parseWorkflow(CatalogApi.resource("registration/broken-workflow.yaml"), ANY_ACTION_TYPE));

		assertThat(invalid.violations()).extracting(Violation::field)
			.containsExactly("metadata.name", "spec.version", "spec.description.whenToUse", "spec.actionType",
					"spec.labels.severity", "spec.labels.environment", "spec.labels.component[1]",
					"spec.labels.priority", "spec.detectedLabels.gitOpsTool", "spec.detectedLabels.helmManaged",
					"spec.execution.bundle", "spec.parameters[0].type", "spec.parameters[1].type",
					"spec.parameters[1].description", "spec.parameters[1].required");
		assertThat(invalid.getMessage()).startsWith("The manifest is invalid (15 errors): metadata.name ");
	}

	@Test
	void refusesAnActionTypeMissingFromTheTaxonomy() {
		String workflow = CatalogApi.resource("kubernaut-catalog/workflows/scale-replicas-v1.yaml");

		InvalidManifestException invalid = catchThrowableOfType(InvalidManifestException.class,
				() -> this.parser.parseWorkflow(workflow, "RestartPod"::equals));

		assertThat(invalid.violations()).extracting(Violation::field, Violation::message)
			.containsExactly(tuple("spec.actionType",
					"action_type 'ScaleReplicas' is not in the action type taxonomy; register the ActionType first"));
	}

	@Test
	void normalisesTheLegacyScalarComponentAndUpperCasesPriority() {
		WorkflowManifest workflow = this.parser.parseWorkflow(
				CatalogApi.resource("kubernaut-catalog/docs-examples/workflows/workflows--ansible-fix-config.yaml")
					.replace("priority: \"*\"", "priority: p2"),
				ANY_ACTION_TYPE);

		assertThat(workflow.labels().toString())
			.isEqualTo("{\"severity\":[\"high\",\"medium\"],\"environment\":[\"production\",\"staging\"],"
					+ "\"component\":[\"deployment\"],\"priority\":\"P2\"}");
	}

	@Test
	void storesCustomLabelsAsListsAndDetectedLabelsSparsely() {
		WorkflowManifest workflow = this.parser.parseWorkflow(
				CatalogApi.resource("kubernaut-catalog/workflows/helm-rollback-v1.yaml")
					.replace("helmManaged: \"true\"",
							"helmManaged: \"true\"\n    pdbProtected: \"false\"\n    serviceMesh: \"\"")
					.replace("  detectedLabels:", "  customLabels:\n    risk_tolerance: low\n  detectedLabels:"),
				ANY_ACTION_TYPE);

		assertThat(workflow.customLabels().toString()).isEqualTo("{\"risk_tolerance\":[\"low\"]}");
		assertThat(workflow.detectedLabels().toString()).isEqualTo("{\"helmManaged\":true}");
	}

	@Test
	void takesTheBundleDigestOfImageBundlesAndTheEngineConfigOfAnsible() {
		WorkflowManifest job = this.parser
			.parseWorkflow(CatalogApi.resource("kubernaut-catalog/workflows/scale-replicas-v1.yaml"), ANY_ACTION_TYPE);
		WorkflowManifest ansible = this.parser.parseWorkflow(
				CatalogApi.resource("kubernaut-catalog/workflows/migrate-postgres-emptydir-to-pvc-gitops-v1.yaml"),
				ANY_ACTION_TYPE);

		assertThat(job.engine()).isEqualTo("job");
		assertThat(job.bundleDigest()).isEqualTo("ec886736180027fe23aefa7f7037f0f8a1af7bf5a211d02226d037f1a19ea065");
		assertThat(job.engineConfig()).isNull();
		assertThat(ansible.engine()).isEqualTo("ansible");
		assertThat(ansible.bundleDigest()).isEqualTo("27c5e6d5a189b2bb781ed88d4ab7171aae52519e");
		assertThat(ansible.engineConfig().path("playbookPath").asString())
			.isEqualTo("playbooks/gitops-migrate-postgres-emptydir-to-pvc.yml");
	}

	@Test
	void keepsTheStepsOfADagWorkflowAsWritten() {
		WorkflowManifest workflow = this.parser.parseWorkflow(CatalogApi.resource("registration/dag-workflow.yaml"),
				ANY_ACTION_TYPE);

		assertThat(workflow.engine()).isEqualTo("dag");
		assertThat(workflow.engineConfig().propertyNames()).containsExactly("steps");
		assertThat(workflow.engineConfig().path("steps")).hasSize(2);
		assertThat(workflow.engineConfig().path("steps").path(1).toString())
			.isEqualTo("{\"id\":\"restart\",\"action\":\"RolloutRestart\",\"dependsOn\":[\"scale\"]}");
	}

	@Test
	void requiresStepsForADagAndAPlaybookForAnsible() {
		String dag = CatalogApi.resource("registration/dag-workflow.yaml");
		String withoutSteps = dag.substring(0, dag.indexOf("    steps:"))
				+ dag.substring(dag.indexOf("\n  parameters:") + 1);
		String ansible = CatalogApi
			.resource("kubernaut-catalog/workflows/migrate-postgres-emptydir-to-pvc-gitops-v1.yaml")
			.replace("      playbookPath: \"playbooks/gitops-migrate-postgres-emptydir-to-pvc.yml\"\n", "");

		assertThat(catchThrowableOfType(InvalidManifestException.class,
				() -> this.parser.parseWorkflow(withoutSteps, ANY_ACTION_TYPE))
			.violations()).extracting(Violation::field).containsExactly("spec.execution.steps");
		assertThat(catchThrowableOfType(InvalidManifestException.class,
				() -> this.parser.parseWorkflow(ansible, ANY_ACTION_TYPE))
			.violations()).extracting(Violation::field).containsExactly("spec.execution.engineConfig.playbookPath");
	}

	@ParameterizedTest
	@MethodSource("documentedWorkflows")
	void acceptsEveryWorkflowOfTheDocumentation(Path file) throws IOException {
		WorkflowManifest workflow = this.parser.parseWorkflow(Files.readString(file), ANY_ACTION_TYPE);

		assertThat(workflow.labels().path("component").toString()).isEqualTo("[\"deployment\"]");
		if (workflow.engine().equals("job")) {
			assertThat(workflow.bundleDigest()).isNull();
			assertThat(workflow.warnings()).extracting(Violation::field).containsExactly("spec.execution.bundle");
		}
		else {
			assertThat(workflow.warnings()).isEmpty();
		}
	}

	@Test
	void acceptsAPlaceholderDigestWithAWarningButNotATagOrAMistypedDigest() {
		String example = CatalogApi
			.resource("kubernaut-catalog/docs-examples/workflows/workflows--restart-deployment-v1.yaml");
		String pinned = "registry.example.com/workflows/restart-deployment@sha256:" + "0123456789abcdef".repeat(4);

		assertThat(this.parser.parseWorkflow(example, ANY_ACTION_TYPE).warnings()).singleElement()
			.satisfies((warning) -> assertThat(warning.message())
				.startsWith("digest \"sha256:abc123...\" is a placeholder, not a sha256 digest"));
		assertThat(this.parser
			.parseWorkflow(example.replace("restart-deployment@sha256:abc123...", "restart-deployment@sha256:<digest>"),
					ANY_ACTION_TYPE)
			.warnings()).hasSize(1);
		WorkflowManifest real = this.parser.parseWorkflow(
				example.replace("registry.example.com/workflows/restart-deployment@sha256:abc123...", pinned),
				ANY_ACTION_TYPE);
		assertThat(real.warnings()).isEmpty();
		assertThat(real.bundleDigest()).isEqualTo("0123456789abcdef".repeat(4));
		for (String refused : List.of("registry.example.com/workflows/restart-deployment:1.0.0",
				"registry.example.com/workflows/restart-deployment@sha256:" + "0123456789abcdef".repeat(4).substring(1),
				"\"registry.example.com/workflows/restart-deployment@sha256:\"",
				"registry.example.com/workflows/restart-deployment")) {
			assertThat(catchThrowableOfType(InvalidManifestException.class,
					() -> this.parser.parseWorkflow(example
						.replace("registry.example.com/workflows/restart-deployment@sha256:abc123...", refused),
							ANY_ACTION_TYPE))
				.violations()).as(refused).extracting(Violation::field).containsExactly("spec.execution.bundle");
		}
	}

	@Test
	void acceptsANativeDagWorkflowWithoutABundleAndKeepsItsStrategy() {
		WorkflowManifest workflow = this.parser.parseWorkflow(CatalogApi.resource("registration/dag-workflow.yaml")
			.replace("    engine: dag\n", "    engine: dag\n    strategy: {rollback: automatic, timeout: 10m}\n"),
				ANY_ACTION_TYPE);

		assertThat(workflow.bundle()).isNull();
		assertThat(workflow.bundleDigest()).isNull();
		assertThat(workflow.warnings()).isEmpty();
		assertThat(workflow.engineConfig().path("strategy").toString())
			.isEqualTo("{\"rollback\":\"automatic\",\"timeout\":\"10m\"}");
	}

	@Test
	void checksTheShapeOfDagSteps() {
		String dag = CatalogApi.resource("registration/dag-workflow.yaml");
		String steps = dag.substring(dag.indexOf("    steps:\n"), dag.indexOf("\n  parameters:") + 1);
		String broken = dag.replace(steps, """
				    strategy: automatic
				    steps:
				      - id: scale
				        action: ScaleDeployment
				        parameters: [replicas]
				      - id: scale
				        action: RolloutRestart
				      - id: verify.pods
				        dependsOn: [verify.pods]
				      - id: notify
				        action: Notify
				        dependsOn: [scale, missing, notify]
				      - just-a-string
				""");

		assertThat(catchThrowableOfType(InvalidManifestException.class,
				() -> this.parser.parseWorkflow(broken, ANY_ACTION_TYPE))
			.violations()).extracting(Violation::field)
			.containsExactly("spec.execution.steps[0].parameters", "spec.execution.steps[1].id",
					"spec.execution.steps[2].id", "spec.execution.steps[2].action", "spec.execution.steps[4]",
					"spec.execution.steps[2].dependsOn[0]", "spec.execution.steps[3].dependsOn[1]",
					"spec.execution.steps[3].dependsOn[2]", "spec.execution.strategy");
	}

	@Test
	void refusesTextThatIsNotOneKubernautResource() {
		String workflow = CatalogApi.resource("kubernaut-catalog/workflows/scale-replicas-v1.yaml");

		assertThat(violationsOf("spec: [unclosed")).singleElement()
			.satisfies((violation) -> assertThat(violation.message()).startsWith("is not valid YAML at line 1"));
		assertThat(violationsOf(workflow + "\n---\n" + workflow)).extracting(Violation::message)
			.containsExactly("must hold exactly one YAML document, found 2");
		assertThat(violationsOf("- just\n- a list\n")).extracting(Violation::field).containsExactly("content");
		assertThat(violationsOf(workflow.replace("kind: RemediationWorkflow", "kind: ActionType")))
			.extracting(Violation::field, Violation::message)
			.containsExactly(tuple("kind", "must be RemediationWorkflow, was \"ActionType\""));
		assertThat(violationsOf(workflow.replace("  version: \"1.5.3\"", "  version: 1.5\n  version: \"1.6.0\"")))
			.extracting(Violation::field)
			.containsExactly("content");
	}

	@Test
	void readsKubernautsJsonFormOfAnActionType() {
		ActionTypeManifest actionType = this.parser.actionTypeFromJson(JsonMapper.shared()
			.readTree("{\"name\":\"RestartPod\",\"description\":{\"what\":\"Kill and recreate pods.\","
					+ "\"whenToUse\":\"Pods are wedged.\"},\"registeredBy\":\"alice\"}"));
		InvalidManifestException invalid = catchThrowableOfType(InvalidManifestException.class,
				() -> this.parser.actionTypeFromJson(JsonMapper.shared().readTree("{\"name\":\"restart-pod\"}")));

		assertThat(actionType.name()).isEqualTo("RestartPod");
		assertThat(actionType.description().whenToUse()).isEqualTo("Pods are wedged.");
		assertThat(invalid.violations()).extracting(Violation::field)
			.containsExactly("name", "description.what", "description.whenToUse");
	}

	private List<Violation> violationsOf(String content) {
		return catchThrowableOfType(InvalidManifestException.class,
				() -> this.parser.parseWorkflow(content, ANY_ACTION_TYPE))
			.violations();
	}

	private static Stream<Path> files(String directory) throws IOException, URISyntaxException {
		Path root = Path.of(KubernautManifestParserTest.class.getClassLoader().getResource(directory).toURI());
		try (Stream<Path> files = Files.list(root)) {
			return files.filter((file) -> file.toString().endsWith(".yaml")).sorted().toList().stream();
		}
	}

}
