package ai.kubernaut.datastorage.catalog.registration;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ai.kubernaut.datastorage.catalog.CatalogWorkflow;
import ai.kubernaut.datastorage.catalog.registration.ActionTypeRegistration.ActionTypeRegistered;
import ai.kubernaut.datastorage.catalog.registration.WorkflowRegistration.Registered;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Registration of Kubernaut custom resources into the catalog. Each endpoint takes the CR
 * either as raw YAML ({@code application/yaml}) or wrapped in JSON as {@code {content,
 * source, registeredBy}}, Kubernaut's form; action types also take Kubernaut's
 * {@code {name, description}} JSON. The registering identity recorded is the
 * authenticated caller; {@code registeredBy} and {@code source} are accepted for
 * compatibility and not trusted.
 */
@RestController
@RequestMapping("/api/v1")
class CatalogRegistrationController {

	static final String APPLICATION_X_YAML_VALUE = "application/x-yaml";

	private final KubernautManifestParser parser;

	private final RegistrationBodyReader body;

	private final ActionTypeRegistration actionTypes;

	private final WorkflowRegistration workflows;

	private final RegistrationStore store;

	private final RegistrationMetrics metrics;

	CatalogRegistrationController(KubernautManifestParser parser, RegistrationBodyReader body,
			ActionTypeRegistration actionTypes, WorkflowRegistration workflows, RegistrationStore store,
			RegistrationMetrics metrics) {
		this.parser = parser;
		this.body = body;
		this.actionTypes = actionTypes;
		this.workflows = workflows;
		this.store = store;
		this.metrics = metrics;
	}

	@Operation(summary = "Register an ActionType custom resource (idempotent)",
			requestBody = @RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_YAML_VALUE,
							schema = @Schema(type = "string", description = "kubernaut.ai/v1alpha1 ActionType YAML"))))
	@PostMapping(path = "/action-types", consumes = { MediaType.APPLICATION_YAML_VALUE, APPLICATION_X_YAML_VALUE })
	ResponseEntity<ActionTypeRegistered> registerActionTypeYaml(HttpServletRequest request, Principal caller) {
		return registerActionType(() -> this.parser.parseActionType(this.body.text(request)), caller);
	}

	@Operation(summary = "Register an ActionType from JSON: {content} or Kubernaut's {name, description}",
			requestBody = @RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = JsonRegistration.class))))
	@PostMapping(path = "/action-types", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ActionTypeRegistered> registerActionTypeJson(HttpServletRequest request, Principal caller) {
		return registerActionType(() -> {
			JsonNode json = this.body.jsonObject(request);
			return json.has("content") ? this.parser.parseActionType(content(json))
					: this.parser.actionTypeFromJson(json);
		}, caller);
	}

	@Operation(summary = "Register a RemediationWorkflow custom resource",
			requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_YAML_VALUE,
					schema = @Schema(type = "string", description = "kubernaut.ai/v1alpha1 RemediationWorkflow YAML"))))
	@PostMapping(path = "/workflows", consumes = { MediaType.APPLICATION_YAML_VALUE, APPLICATION_X_YAML_VALUE })
	ResponseEntity<CatalogWorkflow> registerWorkflowYaml(HttpServletRequest request, Principal caller) {
		return registerWorkflow(() -> this.body.text(request), caller);
	}

	@Operation(summary = "Register a RemediationWorkflow wrapped in Kubernaut's JSON: {content, source, registeredBy}",
			requestBody = @RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = JsonRegistration.class))))
	@PostMapping(path = "/workflows", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<CatalogWorkflow> registerWorkflowJson(HttpServletRequest request, Principal caller) {
		return registerWorkflow(() -> {
			JsonNode json = this.body.jsonObject(request);
			if (json.has("schemaImage")) {
				throw RegistrationBodyException.legacyFormat("schemaImage");
			}
			return content(json);
		}, caller);
	}

	private ResponseEntity<ActionTypeRegistered> registerActionType(ManifestSource<ActionTypeManifest> source,
			Principal caller) {
		ActionTypeRegistered registered = this.metrics.count("action-type",
				() -> this.actionTypes.register(source.read(), caller.getName()), ActionTypeRegistered::status);
		return ResponseEntity.status(registered.created() ? HttpStatus.CREATED : HttpStatus.OK).body(registered);
	}

	private ResponseEntity<CatalogWorkflow> registerWorkflow(ManifestSource<String> source, Principal caller) {
		List<Violation> warnings = new ArrayList<>();
		Registered registered = this.metrics.count("workflow", () -> {
			String content = source.read();
			WorkflowManifest manifest = this.parser.parseWorkflow(content, this.store::isActiveActionType);
			warnings.addAll(manifest.warnings());
			return this.workflows.register(manifest, content, caller.getName());
		}, (result) -> result.outcome().name().toLowerCase(Locale.ROOT));
		ResponseEntity.BodyBuilder response = ResponseEntity
			.status(registered.outcome().created() ? HttpStatus.CREATED : HttpStatus.OK);
		warnings.forEach((warning) -> response.header("Warning", warningHeader(warning)));
		return response.body(registered.workflow());
	}

	/**
	 * As the Kubernetes API server warns (and kubectl prints): code 299, agent "-", the
	 * text quoted. Kubernaut's body shape stays unchanged. The text quotes the author's
	 * YAML, so anything but printable ASCII becomes '?' (no header injection, no encoding
	 * surprises).
	 */
	private static String warningHeader(Violation warning) {
		StringBuilder header = new StringBuilder("299 - \"");
		(warning.field() + ": " + warning.message()).chars().forEach((c) -> {
			if (c == '"' || c == '\\') {
				header.append('\\');
			}
			header.append((c >= 0x20 && c <= 0x7e) ? (char) c : '?');
		});
		return header.append('"').toString();
	}

	private static String content(JsonNode json) {
		JsonNode content = json.get("content");
		if (content == null || !content.isString() || content.asString().isBlank()) {
			throw InvalidManifestException.of("content", "is required: the custom resource as YAML text");
		}
		return content.asString();
	}

	/**
	 * Kubernaut's JSON registration body, for the API documentation; bodies are read as
	 * trees.
	 *
	 * @param content the custom resource as YAML text
	 * @param source where it comes from ({@code crd} or {@code api}); informational
	 * @param registeredBy who registered it; informational, the authenticated caller is
	 * recorded
	 */
	record JsonRegistration(String content, String source, String registeredBy) {
	}

	@FunctionalInterface
	private interface ManifestSource<T> {

		T read();

	}

}
