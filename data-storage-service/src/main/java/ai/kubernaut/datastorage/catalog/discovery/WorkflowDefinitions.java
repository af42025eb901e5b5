package ai.kubernaut.datastorage.catalog.discovery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.kubernaut.contracts.catalog.WorkflowDefinition;
import ai.kubernaut.contracts.catalog.WorkflowParameter;
import ai.kubernaut.datastorage.catalog.CatalogWorkflow;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a catalog row into the contract's {@link WorkflowDefinition}.
 */
class WorkflowDefinitions {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final JsonMapper json;

	WorkflowDefinitions(JsonMapper json) {
		this.json = json;
	}

	WorkflowDefinition from(CatalogWorkflow workflow) {
		return new WorkflowDefinition(workflow.workflowId().toString(), workflow.workflowName(), workflow.name(),
				workflow.version(), workflow.actionType(), workflow.description(), workflow.executionEngine(),
				workflow.executionBundle(), workflow.serviceAccountName(), parameters(workflow.parameterList()),
				map(workflow.labels()), customLabels(workflow.customLabels()), map(workflow.detectedLabels()),
				workflow.status(), workflow.isLatestVersion(), workflow.content(), workflow.contentHash());
	}

	private List<WorkflowParameter> parameters(JsonNode declared) {
		List<WorkflowParameter> parameters = new ArrayList<>();
		for (JsonNode parameter : declared) {
			JsonNode defaultValue = parameter.get("default");
			parameters.add(new WorkflowParameter(parameter.path("name").asString(), parameter.path("type").asString(),
					parameter.path("required").asBoolean(false), parameter.path("description").asString(),
					(defaultValue != null && !defaultValue.isNull()) ? this.json.treeToValue(defaultValue, Object.class)
							: null));
		}
		return parameters;
	}

	/**
	 * Kubernaut's list form ({@code map<string, string[]>}); a scalar stored by an older
	 * registration becomes a one-element list.
	 */
	private static Map<String, List<String>> customLabels(JsonNode stored) {
		Map<String, List<String>> labels = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : stored.properties()) {
			JsonNode value = entry.getValue();
			List<String> values = new ArrayList<>();
			if (value.isArray()) {
				value.forEach((element) -> values.add(element.asString()));
			}
			else if (value.isString()) {
				values.add(value.asString());
			}
			labels.put(entry.getKey(), List.copyOf(values));
		}
		return labels;
	}

	private Map<String, Object> map(JsonNode node) {
		return this.json.convertValue(node, MAP);
	}

}
