package ai.kubernaut.datastorage.catalog.discovery;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import ai.kubernaut.datastorage.catalog.discovery.LabelWeights.DetectedLabel;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON-encoded discovery parameters. Anything it cannot read is a 400 naming
 * the parameter, never a silently ignored filter.
 */
class DiscoveryFilterParser {

	static final String CUSTOM_LABELS = "custom_labels";

	static final String DETECTED_LABELS = "detected_labels";

	/**
	 * Bounds the SQL a query can generate: each (key, value) pair is one scoring term.
	 */
	static final int MAX_CUSTOM_LABEL_PAIRS = 100;

	private static final Pattern NOT_KEY_CHARACTER = Pattern.compile("[^A-Za-z0-9_-]");

	private final JsonMapper json;

	DiscoveryFilterParser(JsonMapper json) {
		this.json = json;
	}

	/**
	 * {@code map<string, string[]>}; a single string is read as a one-element list. Keys
	 * are sanitised to {@code [A-Za-z0-9_-]} as Kubernaut does, and a key left empty is
	 * skipped; blank and repeated values are skipped.
	 */
	Map<String, List<String>> customLabels(String parameter) {
		JsonNode root = object(CUSTOM_LABELS, parameter);
		Map<String, List<String>> labels = new LinkedHashMap<>();
		int pairs = 0;
		for (Map.Entry<String, JsonNode> entry : root.properties()) {
			String key = NOT_KEY_CHARACTER.matcher(entry.getKey()).replaceAll("");
			JsonNode value = entry.getValue();
			Set<String> values = new LinkedHashSet<>();
			if (value.isString()) {
				values.add(value.asString());
			}
			else if (value.isArray()) {
				for (JsonNode element : value) {
					if (!element.isString()) {
						throw new InvalidDiscoveryFilterException(CUSTOM_LABELS,
								"must map each label to a list of strings; '" + entry.getKey() + "' holds " + element);
					}
					values.add(element.asString());
				}
			}
			else {
				throw new InvalidDiscoveryFilterException(CUSTOM_LABELS,
						"must map each label to a list of strings; '" + entry.getKey() + "' is " + value);
			}
			values.removeIf(String::isBlank);
			if (key.isEmpty() || values.isEmpty()) {
				continue;
			}
			labels.merge(key, new ArrayList<>(values), (a, b) -> {
				List<String> merged = new ArrayList<>(new LinkedHashSet<>(a));
				b.stream().filter((v) -> !merged.contains(v)).forEach(merged::add);
				return merged;
			});
			pairs += values.size();
			if (pairs > MAX_CUSTOM_LABEL_PAIRS) {
				throw new InvalidDiscoveryFilterException(CUSTOM_LABELS,
						"has more than " + MAX_CUSTOM_LABEL_PAIRS + " label values");
			}
		}
		return labels;
	}

	/**
	 * Kubernaut's {@code DetectedLabels} object. Booleans accept {@code true},
	 * {@code false} or their string forms; string labels take a string, empty meaning
	 * absent; {@code failedDetections} is accepted and ignored. An unknown key is refused
	 * rather than ignored, so a misspelt label cannot silently change the ranking.
	 */
	DetectedLabelsQuery detectedLabels(String parameter) {
		JsonNode root = object(DETECTED_LABELS, parameter);
		Set<DetectedLabel> flags = EnumSet.noneOf(DetectedLabel.class);
		Map<DetectedLabel, String> values = new EnumMap<>(DetectedLabel.class);
		for (Map.Entry<String, JsonNode> entry : root.properties()) {
			if ("failedDetections".equals(entry.getKey())) {
				continue;
			}
			DetectedLabel label = DetectedLabel.ofKey(entry.getKey())
				.orElseThrow(() -> new InvalidDiscoveryFilterException(DETECTED_LABELS,
						"has an unknown detected label '" + entry.getKey() + "'"));
			JsonNode value = entry.getValue();
			if (label.isString()) {
				if (!value.isString() && !value.isNull()) {
					throw new InvalidDiscoveryFilterException(DETECTED_LABELS,
							"must give '" + label.key() + "' as a string, was " + value);
				}
				String text = value.isString() ? value.asString().strip() : "";
				if (!text.isEmpty()) {
					values.put(label, text);
				}
			}
			else {
				String text = value.isBoolean() ? String.valueOf(value.asBoolean())
						: (value.isString() ? value.asString().strip() : null);
				if ("true".equals(text)) {
					flags.add(label);
				}
				else if (!"false".equals(text) && !value.isNull()) {
					throw new InvalidDiscoveryFilterException(DETECTED_LABELS,
							"must give '" + label.key() + "' as true or false, was " + value);
				}
			}
		}
		return new DetectedLabelsQuery(flags, values);
	}

	private JsonNode object(String field, String parameter) {
		if (parameter == null || parameter.isBlank()) {
			return this.json.createObjectNode();
		}
		JsonNode root;
		try {
			root = this.json.readTree(parameter);
		}
		catch (JacksonException ex) {
			throw new InvalidDiscoveryFilterException(field, "is not valid JSON");
		}
		if (root == null || !root.isObject()) {
			throw new InvalidDiscoveryFilterException(field, "must be a JSON object");
		}
		return root;
	}

}
