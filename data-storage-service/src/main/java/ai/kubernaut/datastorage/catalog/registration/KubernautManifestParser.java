package ai.kubernaut.datastorage.catalog.registration;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import ai.kubernaut.contracts.catalog.WorkflowDescription;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads Kubernaut's {@code kubernaut.ai/v1alpha1} custom resources
 * ({@code RemediationWorkflow}, {@code ActionType}) and validates them the way
 * Kubernaut's admission and DataStorage parser do, collecting every violation with its
 * field path instead of stopping at the first.
 * <p>
 * Deliberately lenient where the published catalog is: severity and environment values
 * are not checked against Kubernaut's enums (the Helm chart's demo content uses
 * {@code low}, the docs {@code medium}), component values are not checked for GVK form,
 * and a bare scalar {@code component} or a list {@code priority} (the legacy forms) are
 * accepted and normalised.
 * <p>
 * Kubernaut requires tekton and job bundles to be pinned by a {@code sha256} digest. A
 * tag, or a hex digest of the wrong length (a typo), is refused as there. A digest that
 * is evidently a placeholder, such as the documentation's {@code @sha256:abc123...}, is
 * accepted with a warning and stored without {@code executionBundleDigest}: no registry
 * can serve such a reference, so it can never run code nobody reviewed, and the
 * documented examples register as written.
 */
final class KubernautManifestParser {

	static final String API_VERSION = "kubernaut.ai/v1alpha1";

	static final String WORKFLOW_KIND = "RemediationWorkflow";

	static final String ACTION_TYPE_KIND = "ActionType";

	private static final Pattern SEMVER = Pattern.compile("^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
			+ "(?:-[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?$");

	private static final Pattern PASCAL_CASE = Pattern.compile("^[A-Z][A-Za-z0-9]*$");

	private static final Pattern DNS_SUBDOMAIN = Pattern
		.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");

	private static final Pattern PRIORITY = Pattern.compile("^(P[0-3]|\\*)$");

	private static final Pattern OCI_DIGEST = Pattern.compile("@sha256:([0-9a-f]{64})$");

	/** A digest written as hex only: a real digest, possibly mistyped. */
	private static final Pattern HEX_DIGEST = Pattern.compile("@sha256:[0-9a-fA-F]*$");

	private static final Pattern STEP_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_-]*$");

	private static final Pattern PARAMETER_NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");

	/**
	 * Discovery sanitises custom label keys to this alphabet, so any other key could
	 * never match.
	 */
	private static final Pattern CUSTOM_LABEL_KEY = Pattern.compile("^[A-Za-z0-9_-]+$");

	private static final Set<String> ENGINES = Set.of("tekton", "job", "ansible", "dag");

	private static final Set<String> ENGINES_WITH_IMAGE_BUNDLE = Set.of("tekton", "job");

	private static final Set<String> PARAMETER_TYPES = Set.of("string", "integer", "boolean", "array", "float");

	private static final Set<String> BOOLEAN_DETECTED_LABELS = Set.of("gitOpsManaged", "pdbProtected",
			"networkIsolated", "helmManaged", "stateful", "hpaEnabled", "virtualMachine", "liveMigratable",
			"cdiManaged", "resourceQuotaConstrained");

	private static final Map<String, Set<String>> STRING_DETECTED_LABELS = Map.of("gitOpsTool",
			Set.of("argocd", "flux", "*"), "serviceMesh", Set.of("istio", "linkerd", "*"), "storageBackend",
			Set.of("odf-ceph", "lvms", "local", "*"));

	private static final int MAX_NAME_LENGTH = 253;

	private static final int MAX_VERSION_LENGTH = 50;

	private static final int MAX_ACTION_TYPE_LENGTH = 255;

	private static final int MAX_DIGEST_LENGTH = 71;

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final YAMLMapper yaml = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
		.build();

	/**
	 * Parses and validates a {@code RemediationWorkflow}.
	 * @param content the YAML as registered
	 * @param actionTypeRegistered whether a PascalCase action type is in the taxonomy and
	 * active
	 * @throws InvalidManifestException listing every violation
	 */
	WorkflowManifest parseWorkflow(String content, Predicate<String> actionTypeRegistered) {
		JsonNode root = readDocument(content);
		Violations violations = new Violations();
		List<Violation> warnings = new ArrayList<>();
		checkEnvelope(root, WORKFLOW_KIND, violations);
		String name = metadataName(root, violations);
		JsonNode spec = root.get("spec");
		if (spec == null || !spec.isObject()) {
			violations.add("spec", "is required and must be a mapping");
			throw violations.toException();
		}

		String version = requiredText(spec, "version", "spec.version", violations);
		if (version != null && (version.length() > MAX_VERSION_LENGTH || !SEMVER.matcher(version).matches())) {
			violations.add("spec.version",
					"must be a semantic version such as \"1.2.0\" (no leading v, at most 50 characters), was \""
							+ version + "\"");
		}
		WorkflowDescription description = description(spec.get("description"), "spec.description", violations);
		String actionType = requiredText(spec, "actionType", "spec.actionType", violations);
		if (actionType != null) {
			if (actionType.length() > MAX_ACTION_TYPE_LENGTH || !PASCAL_CASE.matcher(actionType).matches()) {
				violations.add("spec.actionType",
						"must be PascalCase (e.g. RollbackDeployment), was \"" + actionType + "\"");
			}
			else if (!actionTypeRegistered.test(actionType)) {
				violations.add("spec.actionType", "action_type '" + actionType
						+ "' is not in the action type taxonomy; register the ActionType first");
			}
		}
		ObjectNode labels = mandatoryLabels(spec.get("labels"), "spec.labels", violations);
		ObjectNode customLabels = customLabels(spec.get("customLabels"), "spec.customLabels", violations);
		ObjectNode detectedLabels = detectedLabels(spec.get("detectedLabels"), "spec.detectedLabels", violations);
		Execution execution = execution(spec.get("execution"), "spec.execution", violations, warnings);
		ArrayNode parameters = parameters(spec.get("parameters"), "spec.parameters", true, violations);
		parameters(spec.get("rollbackParameters"), "spec.rollbackParameters", false, violations);
		dependencies(spec.get("dependencies"), "spec.dependencies", violations);
		maintainers(spec.get("maintainers"), "spec.maintainers", violations);
		violations.throwIfAny();
		return new WorkflowManifest(name, version, description, actionType, labels, customLabels, detectedLabels,
				parameters, execution.engine(), execution.bundle(), execution.bundleDigest(), execution.engineConfig(),
				execution.serviceAccountName(), List.copyOf(warnings));
	}

	/**
	 * Parses and validates an {@code ActionType} custom resource.
	 * @throws InvalidManifestException listing every violation
	 */
	ActionTypeManifest parseActionType(String content) {
		JsonNode root = readDocument(content);
		Violations violations = new Violations();
		checkEnvelope(root, ACTION_TYPE_KIND, violations);
		metadataName(root, violations);
		JsonNode spec = root.get("spec");
		if (spec == null || !spec.isObject()) {
			violations.add("spec", "is required and must be a mapping");
			throw violations.toException();
		}
		ActionTypeManifest manifest = actionType(spec, "spec.", violations);
		violations.throwIfAny();
		return manifest;
	}

	/**
	 * Validates Kubernaut's JSON form of an action type registration: {@code {name,
	 * description{what, whenToUse, whenNotToUse?, preconditions?}}}.
	 * @throws InvalidManifestException listing every violation
	 */
	ActionTypeManifest actionTypeFromJson(JsonNode body) {
		Violations violations = new Violations();
		ActionTypeManifest manifest = actionType(body, "", violations);
		violations.throwIfAny();
		return manifest;
	}

	private ActionTypeManifest actionType(JsonNode node, String prefix, Violations violations) {
		String name = requiredText(node, "name", prefix + "name", violations);
		if (name != null && (name.length() > MAX_ACTION_TYPE_LENGTH || !PASCAL_CASE.matcher(name).matches())) {
			violations.add(prefix + "name", "must be PascalCase (e.g. RollbackDeployment), was \"" + name + "\"");
		}
		WorkflowDescription description = description(node.get("description"), prefix + "description", violations);
		return new ActionTypeManifest(name, description);
	}

	private JsonNode readDocument(String content) {
		if (content == null || content.isBlank()) {
			throw InvalidManifestException.of("content",
					"is empty; expected one Kubernaut custom resource (apiVersion " + API_VERSION + ")");
		}
		List<JsonNode> documents = new ArrayList<>();
		try (MappingIterator<JsonNode> values = this.yaml.readerFor(JsonNode.class).readValues(content)) {
			while (values.hasNextValue()) {
				JsonNode document = values.nextValue();
				if (document != null && !document.isNull() && !document.isMissingNode()) {
					documents.add(document);
				}
			}
		}
		catch (JacksonException ex) {
			throw InvalidManifestException.of("content",
					"is not valid YAML" + where(ex.getLocation()) + ": " + ex.getOriginalMessage());
		}
		if (documents.size() != 1) {
			throw InvalidManifestException.of("content",
					"must hold exactly one YAML document, found " + documents.size());
		}
		JsonNode document = documents.get(0);
		if (!document.isObject()) {
			throw InvalidManifestException.of("content",
					"must be a YAML mapping with apiVersion, kind, metadata and spec");
		}
		return document;
	}

	private static String where(TokenStreamLocation location) {
		return (location != null && location.getLineNr() > 0)
				? " at line " + location.getLineNr() + ", column " + location.getColumnNr() : "";
	}

	private static void checkEnvelope(JsonNode root, String kind, Violations violations) {
		String apiVersion = requiredText(root, "apiVersion", "apiVersion", violations);
		if (apiVersion != null && !API_VERSION.equals(apiVersion)) {
			violations.add("apiVersion", "must be " + API_VERSION + ", was \"" + apiVersion + "\"");
		}
		String actualKind = requiredText(root, "kind", "kind", violations);
		if (actualKind != null && !kind.equals(actualKind)) {
			violations.add("kind", "must be " + kind + ", was \"" + actualKind + "\"");
		}
	}

	private static String metadataName(JsonNode root, Violations violations) {
		JsonNode metadata = root.get("metadata");
		if (metadata == null || !metadata.isObject()) {
			violations.add("metadata.name", "is required");
			return null;
		}
		String name = requiredText(metadata, "name", "metadata.name", violations);
		if (name != null && (name.length() > MAX_NAME_LENGTH || !DNS_SUBDOMAIN.matcher(name).matches())) {
			violations.add("metadata.name", "must be a Kubernetes object name (lower-case letters, digits, '-' and "
					+ "'.', at most 253 characters), was \"" + name + "\"");
		}
		return name;
	}

	private static WorkflowDescription description(JsonNode node, String path, Violations violations) {
		if (node == null || node.isNull()) {
			violations.add(path + ".what", "is required");
			violations.add(path + ".whenToUse", "is required");
			return null;
		}
		if (!node.isObject()) {
			violations.add(path, "must be a mapping with what, whenToUse, whenNotToUse and preconditions");
			return null;
		}
		String what = requiredText(node, "what", path + ".what", violations);
		String whenToUse = requiredText(node, "whenToUse", path + ".whenToUse", violations);
		String whenNotToUse = optionalText(node, "whenNotToUse", path + ".whenNotToUse", violations);
		String preconditions = optionalText(node, "preconditions", path + ".preconditions", violations);
		return new WorkflowDescription(what, whenToUse, whenNotToUse, preconditions);
	}

	private static ObjectNode mandatoryLabels(JsonNode node, String path, Violations violations) {
		ObjectNode labels = NODES.objectNode();
		if (node == null || node.isNull()) {
			violations.add(path, "is required: severity, environment, component and priority must be declared");
			return labels;
		}
		if (!node.isObject()) {
			violations.add(path, "must be a mapping of severity, environment, component and priority");
			return labels;
		}
		putIfPresent(labels, "severity", labelList(node.get("severity"), path + ".severity", false, violations));
		putIfPresent(labels, "environment",
				labelList(node.get("environment"), path + ".environment", false, violations));
		putIfPresent(labels, "component", labelList(node.get("component"), path + ".component", true, violations));
		putIfPresent(labels, "priority", priority(node.get("priority"), path + ".priority", violations));
		JsonNode cluster = node.get("cluster");
		if (cluster != null && !cluster.isNull() && !(cluster.isArray() && cluster.isEmpty())) {
			putIfPresent(labels, "cluster", labelList(cluster, path + ".cluster", false, violations));
		}
		return labels;
	}

	private static ArrayNode labelList(JsonNode node, String path, boolean scalarAllowed, Violations violations) {
		if (node == null || node.isNull()) {
			violations.add(path, "is required and must list at least one value (\"*\" matches any)");
			return null;
		}
		if (scalarAllowed && node.isString()) {
			String value = node.asString().strip();
			if (value.isEmpty()) {
				violations.add(path, "must not be empty");
				return null;
			}
			return NODES.arrayNode().add(value);
		}
		if (!node.isArray()) {
			violations.add(path,
					"must be a list of strings, e.g. [" + (scalarAllowed ? "apps/v1/Deployment" : "critical") + "]");
			return null;
		}
		if (node.isEmpty()) {
			violations.add(path, "must list at least one value (\"*\" matches any)");
			return null;
		}
		ArrayNode values = NODES.arrayNode();
		for (int i = 0; i < node.size(); i++) {
			JsonNode element = node.get(i);
			if (!element.isString() || element.asString().isBlank()) {
				violations.add(path + "[" + i + "]", "must be a non-empty string");
			}
			else {
				values.add(element.asString().strip());
			}
		}
		return values;
	}

	private static JsonNode priority(JsonNode node, String path, Violations violations) {
		if (node == null || node.isNull()) {
			violations.add(path, "is required: one of P0, P1, P2, P3 or \"*\"");
			return null;
		}
		if (node.isString()) {
			return checkedPriority(node.asString(), path, violations);
		}
		if (node.isArray() && !node.isEmpty()) {
			ArrayNode values = NODES.arrayNode();
			for (int i = 0; i < node.size(); i++) {
				JsonNode element = node.get(i);
				JsonNode value = element.isString()
						? checkedPriority(element.asString(), path + "[" + i + "]", violations) : null;
				if (!element.isString()) {
					violations.add(path + "[" + i + "]", "must be one of P0, P1, P2, P3 or \"*\"");
				}
				if (value != null) {
					values.add(value);
				}
			}
			return (values.size() == 1) ? values.get(0) : values;
		}
		violations.add(path, "must be one of P0, P1, P2, P3 or \"*\"");
		return null;
	}

	private static JsonNode checkedPriority(String value, String path, Violations violations) {
		String priority = value.strip().toUpperCase(Locale.ROOT);
		if (!PRIORITY.matcher(priority).matches()) {
			violations.add(path, "must be one of P0, P1, P2, P3 or \"*\", was \"" + value + "\"");
			return null;
		}
		return NODES.stringNode(priority);
	}

	private static ObjectNode customLabels(JsonNode node, String path, Violations violations) {
		ObjectNode labels = NODES.objectNode();
		if (node == null || node.isNull()) {
			return labels;
		}
		if (!node.isObject()) {
			violations.add(path, "must be a mapping of label name to value");
			return labels;
		}
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			String key = entry.getKey();
			String keyPath = path + "." + key;
			if (!CUSTOM_LABEL_KEY.matcher(key).matches()) {
				violations.add(keyPath, "label names may only use letters, digits, '_' and '-'");
				continue;
			}
			JsonNode value = entry.getValue();
			if (value.isString() && !value.asString().isBlank()) {
				labels.putArray(key).add(value.asString().strip());
			}
			else if (value.isArray() && !value.isEmpty()) {
				ArrayNode values = labels.putArray(key);
				for (int i = 0; i < value.size(); i++) {
					if (value.get(i).isString() && !value.get(i).asString().isBlank()) {
						values.add(value.get(i).asString().strip());
					}
					else {
						violations.add(keyPath + "[" + i + "]", "must be a non-empty string");
					}
				}
			}
			else {
				violations.add(keyPath, "must be a non-empty string");
			}
		}
		return labels;
	}

	private static ObjectNode detectedLabels(JsonNode node, String path, Violations violations) {
		ObjectNode labels = NODES.objectNode();
		if (node == null || node.isNull()) {
			return labels;
		}
		if (!node.isObject()) {
			violations.add(path, "must be a mapping of detected label to value");
			return labels;
		}
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			String key = entry.getKey();
			JsonNode value = entry.getValue();
			String keyPath = path + "." + key;
			if (BOOLEAN_DETECTED_LABELS.contains(key)) {
				String text = value.isBoolean() ? String.valueOf(value.asBoolean())
						: (value.isString() ? value.asString().strip() : "");
				if ("true".equals(text)) {
					labels.put(key, true);
				}
				else if (!"false".equals(text)) {
					violations.add(keyPath, "must be \"true\" (or \"false\", which is the same as leaving it out)");
				}
			}
			else if (STRING_DETECTED_LABELS.containsKey(key)) {
				Set<String> allowed = STRING_DETECTED_LABELS.get(key);
				String text = value.isString() ? value.asString().strip() : null;
				if (text != null && text.isEmpty()) {
					continue;
				}
				if (text == null || !allowed.contains(text)) {
					violations.add(keyPath, "must be one of " + new TreeSet<>(allowed) + ", was " + value);
				}
				else {
					labels.put(key, text);
				}
			}
			else {
				Set<String> known = new TreeSet<>(BOOLEAN_DETECTED_LABELS);
				known.addAll(STRING_DETECTED_LABELS.keySet());
				violations.add(keyPath, "is not a detected label; known labels are " + known);
			}
		}
		return labels;
	}

	private static Execution execution(JsonNode node, String path, Violations violations, List<Violation> warnings) {
		if (node != null && !node.isNull() && !node.isObject()) {
			violations.add(path, "must be a mapping");
			return new Execution(null, null, null, null, null);
		}
		JsonNode execution = (node != null && node.isObject()) ? node : NODES.objectNode();
		String engine = optionalText(execution, "engine", path + ".engine", violations);
		engine = (engine != null) ? engine : "tekton";
		if (!ENGINES.contains(engine)) {
			violations.add(path + ".engine", "must be one of " + new TreeSet<>(ENGINES) + ", was \"" + engine + "\"");
		}
		String bundle = optionalText(execution, "bundle", path + ".bundle", violations);
		String bundleDigest = optionalText(execution, "bundleDigest", path + ".bundleDigest", violations);
		ObjectNode engineConfig = null;
		if (ENGINES_WITH_IMAGE_BUNDLE.contains(engine)) {
			if (bundle == null) {
				violations.add(path + ".bundle",
						"is required for engine " + engine + ": an OCI image pinned by digest (...@sha256:<64 hex>)");
			}
			else {
				var digest = OCI_DIGEST.matcher(bundle);
				int at = bundle.indexOf("@sha256:");
				if (digest.find()) {
					bundleDigest = digest.group(1);
				}
				else if (at > 0 && at + "@sha256:".length() < bundle.length() && !HEX_DIGEST.matcher(bundle).find()) {
					warnings.add(new Violation(path + ".bundle", "digest \"" + bundle.substring(at + 1)
							+ "\" is a placeholder, not a sha256 digest: the workflow is registered, but its bundle "
							+ "cannot be pulled until the real digest (64 hex characters) is registered as a new version"));
				}
				else {
					violations.add(path + ".bundle", "must be pinned by digest (...@sha256:<64 hex>) for engine "
							+ engine + ", was \"" + bundle + "\"");
				}
			}
		}
		else if ("ansible".equals(engine)) {
			if (bundle == null) {
				violations.add(path + ".bundle", "is required for engine ansible: the playbook Git repository URL");
			}
			engineConfig = ansibleConfig(execution.get("engineConfig"), path + ".engineConfig", violations);
		}
		else if ("dag".equals(engine)) {
			engineConfig = dagConfig(execution, path, violations);
		}
		if (bundleDigest != null && bundleDigest.length() > MAX_DIGEST_LENGTH) {
			violations.add(path + ".bundleDigest", "must be at most " + MAX_DIGEST_LENGTH + " characters");
		}
		if (execution.has("resources") && !"job".equals(engine)) {
			violations.add(path + ".resources", "is only supported by engine job");
		}
		String serviceAccountName = optionalText(execution, "serviceAccountName", path + ".serviceAccountName",
				violations);
		if (serviceAccountName != null && (serviceAccountName.length() > MAX_NAME_LENGTH
				|| !DNS_SUBDOMAIN.matcher(serviceAccountName).matches())) {
			violations.add(path + ".serviceAccountName",
					"must be a Kubernetes object name, was \"" + serviceAccountName + "\"");
		}
		return new Execution(engine, bundle, bundleDigest, engineConfig, serviceAccountName);
	}

	/**
	 * The shape of a native workflow's steps; what each action accepts is the engine's to
	 * check when it runs them. Keeps {@code strategy} and {@code steps} as written.
	 */
	private static ObjectNode dagConfig(JsonNode execution, String path, Violations violations) {
		JsonNode steps = execution.get("steps");
		if (steps == null || !steps.isArray() || steps.isEmpty()) {
			violations.add(path + ".steps", "is required for engine dag and must list at least one step");
			return null;
		}
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < steps.size(); i++) {
			JsonNode step = steps.get(i);
			String at = path + ".steps[" + i + "]";
			if (!step.isObject()) {
				violations.add(at, "must be a mapping with id and action");
				continue;
			}
			String id = requiredText(step, "id", at + ".id", violations);
			if (id != null && !STEP_ID.matcher(id).matches()) {
				violations.add(at + ".id",
						"must be letters, digits, '-' and '_' (steps.<id>.<output> refers to it), was \"" + id + "\"");
			}
			else if (id != null && !ids.add(id)) {
				violations.add(at + ".id", "duplicates another step with id " + id);
			}
			requiredText(step, "action", at + ".action", violations);
			JsonNode parameters = step.get("parameters");
			if (parameters != null && !parameters.isNull() && !parameters.isObject()) {
				violations.add(at + ".parameters", "must be a mapping of parameter name to value");
			}
		}
		for (int i = 0; i < steps.size(); i++) {
			JsonNode dependsOn = steps.get(i).path("dependsOn");
			String at = path + ".steps[" + i + "].dependsOn";
			if (dependsOn.isMissingNode() || dependsOn.isNull()) {
				continue;
			}
			if (!dependsOn.isArray()) {
				violations.add(at, "must be a list of step ids");
				continue;
			}
			for (int j = 0; j < dependsOn.size(); j++) {
				JsonNode dependency = dependsOn.get(j);
				if (!dependency.isString() || !ids.contains(dependency.asString())) {
					violations.add(at + "[" + j + "]", "must name another step of this workflow, was " + dependency);
				}
				else if (dependency.asString().equals(steps.get(i).path("id").asString())) {
					violations.add(at + "[" + j + "]", "a step cannot depend on itself");
				}
			}
		}
		JsonNode strategy = execution.get("strategy");
		if (strategy != null && !strategy.isNull() && !strategy.isObject()) {
			violations.add(path + ".strategy", "must be a mapping");
		}
		ObjectNode config = NODES.objectNode();
		if (strategy != null && strategy.isObject()) {
			config.set("strategy", strategy.deepCopy());
		}
		config.set("steps", steps.deepCopy());
		return config;
	}

	private static ObjectNode ansibleConfig(JsonNode node, String path, Violations violations) {
		if (node == null || !node.isObject()) {
			violations.add(path + ".playbookPath", "is required for engine ansible");
			return null;
		}
		requiredText(node, "playbookPath", path + ".playbookPath", violations);
		optionalText(node, "jobTemplateName", path + ".jobTemplateName", violations);
		optionalText(node, "inventoryName", path + ".inventoryName", violations);
		return ((ObjectNode) node).deepCopy();
	}

	private static ArrayNode parameters(JsonNode node, String path, boolean required, Violations violations) {
		ArrayNode parameters = NODES.arrayNode();
		if (node == null || node.isNull() || (node.isArray() && node.isEmpty())) {
			if (required) {
				violations.add(path, "must declare at least one parameter with name, type and description");
			}
			return parameters;
		}
		if (!node.isArray()) {
			violations.add(path, "must be a list of parameters");
			return parameters;
		}
		Set<String> names = new HashSet<>();
		for (int i = 0; i < node.size(); i++) {
			JsonNode parameter = node.get(i);
			String at = path + "[" + i + "]";
			if (!parameter.isObject()) {
				violations.add(at, "must be a mapping with name, type and description");
				continue;
			}
			String name = requiredText(parameter, "name", at + ".name", violations);
			if (name != null && !PARAMETER_NAME.matcher(name).matches()) {
				violations.add(at + ".name", "must be a valid variable name (letters, digits, '_'; conventionally "
						+ "UPPER_SNAKE_CASE), was \"" + name + "\"");
			}
			else if (name != null && !names.add(name)) {
				violations.add(at + ".name", "duplicates another parameter named " + name);
			}
			String type = requiredText(parameter, "type", at + ".type", violations);
			if (type != null && !PARAMETER_TYPES.contains(type)) {
				violations.add(at + ".type",
						"must be one of " + new TreeSet<>(PARAMETER_TYPES) + ", was \"" + type + "\"");
			}
			requiredText(parameter, "description", at + ".description", violations);
			JsonNode isRequired = parameter.get("required");
			if (isRequired != null && !isRequired.isBoolean()) {
				violations.add(at + ".required", "must be true or false");
			}
			JsonNode allowed = parameter.get("enum");
			if (allowed != null && (!allowed.isArray() || allowed.isEmpty())) {
				violations.add(at + ".enum", "must be a non-empty list of allowed values");
			}
			String pattern = optionalText(parameter, "pattern", at + ".pattern", violations);
			if (pattern != null) {
				try {
					Pattern.compile(pattern);
				}
				catch (PatternSyntaxException ex) {
					violations.add(at + ".pattern", "is not a valid regular expression: " + ex.getDescription());
				}
			}
			JsonNode minimum = parameter.get("minimum");
			JsonNode maximum = parameter.get("maximum");
			if (minimum != null && !minimum.isNumber()) {
				violations.add(at + ".minimum", "must be a number");
			}
			if (maximum != null && !maximum.isNumber()) {
				violations.add(at + ".maximum", "must be a number");
			}
			if (minimum != null && maximum != null && minimum.isNumber() && maximum.isNumber()
					&& minimum.decimalValue().compareTo(maximum.decimalValue()) > 0) {
				violations.add(at + ".minimum", "must not exceed maximum");
			}
			parameters.add(parameter.deepCopy());
		}
		return parameters;
	}

	private static void dependencies(JsonNode node, String path, Violations violations) {
		if (node == null || node.isNull()) {
			return;
		}
		if (!node.isObject()) {
			violations.add(path, "must be a mapping of secrets and configMaps");
			return;
		}
		for (String kind : List.of("secrets", "configMaps")) {
			JsonNode list = node.get(kind);
			if (list == null || list.isNull()) {
				continue;
			}
			if (!list.isArray()) {
				violations.add(path + "." + kind, "must be a list of {name}");
				continue;
			}
			for (int i = 0; i < list.size(); i++) {
				JsonNode dependency = list.get(i);
				String at = path + "." + kind + "[" + i + "]";
				if (!dependency.isObject()) {
					violations.add(at, "must be a mapping with name");
				}
				else {
					requiredText(dependency, "name", at + ".name", violations);
				}
			}
		}
	}

	private static void maintainers(JsonNode node, String path, Violations violations) {
		if (node == null || node.isNull()) {
			return;
		}
		if (!node.isArray()) {
			violations.add(path, "must be a list of {name, email}");
			return;
		}
		for (int i = 0; i < node.size(); i++) {
			if (!node.get(i).isObject()) {
				violations.add(path + "[" + i + "]", "must be a mapping with name and email");
			}
		}
	}

	private static String requiredText(JsonNode parent, String key, String path, Violations violations) {
		JsonNode node = parent.get(key);
		if (node == null || node.isNull()) {
			violations.add(path, "is required");
			return null;
		}
		if (!node.isString()) {
			violations.add(path,
					"must be a string" + (node.isValueNode() ? " (quote it: \"" + node.asString() + "\")" : ""));
			return null;
		}
		String value = node.asString().strip();
		if (value.isEmpty()) {
			violations.add(path, "must not be empty");
			return null;
		}
		return value;
	}

	private static String optionalText(JsonNode parent, String key, String path, Violations violations) {
		JsonNode node = parent.get(key);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isString()) {
			violations.add(path,
					"must be a string" + (node.isValueNode() ? " (quote it: \"" + node.asString() + "\")" : ""));
			return null;
		}
		String value = node.asString().strip();
		return value.isEmpty() ? null : value;
	}

	private static void putIfPresent(ObjectNode target, String key, JsonNode value) {
		if (value != null) {
			target.set(key, value);
		}
	}

	private record Execution(String engine, String bundle, String bundleDigest, ObjectNode engineConfig,
			String serviceAccountName) {
	}

	/**
	 * Collects violations in document order; a field reported twice keeps its first
	 * message.
	 */
	private static final class Violations {

		private final Map<String, Violation> byField = new LinkedHashMap<>();

		void add(String field, String message) {
			this.byField.putIfAbsent(field, new Violation(field, message));
		}

		void throwIfAny() {
			if (!this.byField.isEmpty()) {
				throw toException();
			}
		}

		InvalidManifestException toException() {
			return new InvalidManifestException(new ArrayList<>(this.byField.values()));
		}

	}

}
