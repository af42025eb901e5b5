package ai.kubernaut.actions.mutation;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The difference between two versions of an object as JSON Patch operations, each with
 * the value it replaces ({@code fromValue}), so the same list serves as the diff an
 * operator reads and, inverted, as the patch that undoes it.
 * <p>
 * Objects are compared key by key; lists of equal length element by element (so one
 * container's memory limit is one operation); a list that grew or shrank is replaced as a
 * whole, which is what a real API server does with a changed list anyway.
 */
final class JsonDiff {

	static final ObjectMapper MAPPER = new ObjectMapper();

	private JsonDiff() {
	}

	/**
	 * One operation.
	 *
	 * @param op {@code add}, {@code remove} or {@code replace}
	 * @param path JSON Pointer
	 * @param value the new value; {@code null} for {@code remove}
	 * @param fromValue the value before; {@code null} for {@code add}
	 * @param field the same path for people:
	 * {@code spec.template.spec.containers[app].image}
	 */
	record Op(String op, String path, JsonNode value, JsonNode fromValue, String field) {

		Op inverse() {
			return switch (this.op) {
				case "add" -> new Op("remove", this.path, null, this.value, this.field);
				case "remove" -> new Op("add", this.path, this.fromValue, null, this.field);
				default -> new Op("replace", this.path, this.fromValue, this.value, this.field);
			};
		}

		/**
		 * {@code spec.replicas: 2 -> 3}
		 */
		String line() {
			return this.field + ": " + render(this.fromValue) + " -> " + render(this.value);
		}

		Map<String, Object> toMap() {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("op", this.op);
			map.put("path", this.path);
			if (this.value != null) {
				map.put("value", MAPPER.convertValue(this.value, Object.class));
			}
			if (this.fromValue != null) {
				map.put("fromValue", MAPPER.convertValue(this.fromValue, Object.class));
			}
			return map;
		}

		ObjectNode toNode(boolean annotated) {
			ObjectNode node = MAPPER.createObjectNode();
			node.put("op", this.op);
			node.put("path", this.path);
			if (this.value != null) {
				node.set("value", this.value);
			}
			if (annotated && this.fromValue != null) {
				node.set("fromValue", this.fromValue);
			}
			if (annotated) {
				node.put("field", this.field);
			}
			return node;
		}

	}

	static List<Op> diff(JsonNode before, JsonNode after) {
		List<Op> ops = new ArrayList<>();
		diff(before, after, "", "", ops);
		return ops;
	}

	static List<Op> invert(List<Op> ops) {
		List<Op> inverted = new ArrayList<>();
		for (int i = ops.size() - 1; i >= 0; i--) {
			inverted.add(ops.get(i).inverse());
		}
		return inverted;
	}

	/**
	 * @param annotated whether to add {@code fromValue} and {@code field} to each
	 * operation, for the snapshot a step keeps; a JSON Patch sent to the API server has
	 * neither
	 */
	static String toJson(List<Op> ops, boolean annotated) {
		ArrayNode array = MAPPER.createArrayNode();
		ops.forEach((op) -> array.add(op.toNode(annotated)));
		return array.toString();
	}

	/**
	 * Reads operations written by {@link #toJson}; {@code field} is rebuilt from the
	 * path.
	 * @throws IllegalArgumentException if the text is not such a list
	 */
	static List<Op> fromJson(String json) {
		JsonNode array;
		try {
			array = MAPPER.readTree(json);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Not a JSON Patch: " + ex.getOriginalMessage(), ex);
		}
		if (array == null || !array.isArray()) {
			throw new IllegalArgumentException("Not a JSON Patch: expected a list of operations");
		}
		List<Op> ops = new ArrayList<>();
		for (JsonNode node : array) {
			String op = node.path("op").asText();
			String path = node.path("path").asText(null);
			if (!List.of("add", "remove", "replace").contains(op) || path == null) {
				throw new IllegalArgumentException("Not a JSON Patch operation this engine writes: " + node);
			}
			JsonNode field = node.get("field");
			ops.add(new Op(op, path, node.get("value"), node.get("fromValue"),
					(field != null && field.isTextual()) ? field.asText() : field(path)));
		}
		return ops;
	}

	static String escape(String key) {
		return key.replace("~", "~0").replace("/", "~1");
	}

	private static void diff(JsonNode before, JsonNode after, String path, String field, List<Op> ops) {
		if (before.equals(after)) {
			return;
		}
		if (before.isObject() && after.isObject()) {
			for (Iterator<Map.Entry<String, JsonNode>> it = before.fields(); it.hasNext();) {
				Map.Entry<String, JsonNode> entry = it.next();
				String childPath = path + "/" + escape(entry.getKey());
				String childField = child(field, entry.getKey());
				JsonNode other = after.get(entry.getKey());
				if (other == null) {
					ops.add(new Op("remove", childPath, null, entry.getValue(), childField));
				}
				else {
					diff(entry.getValue(), other, childPath, childField, ops);
				}
			}
			for (Iterator<Map.Entry<String, JsonNode>> it = after.fields(); it.hasNext();) {
				Map.Entry<String, JsonNode> entry = it.next();
				if (!before.has(entry.getKey())) {
					ops.add(new Op("add", path + "/" + escape(entry.getKey()), entry.getValue(), null,
							child(field, entry.getKey())));
				}
			}
			return;
		}
		if (before.isArray() && after.isArray() && before.size() == after.size()) {
			for (int i = 0; i < before.size(); i++) {
				JsonNode name = before.get(i).get("name");
				String label = (name != null && name.isTextual() && name.equals(after.get(i).get("name")))
						? name.asText() : String.valueOf(i);
				diff(before.get(i), after.get(i), path + "/" + i, field + "[" + label + "]", ops);
			}
			return;
		}
		ops.add(new Op("replace", path, after, before, field));
	}

	private static String child(String field, String key) {
		if (key.contains(".") || key.contains("/")) {
			return field + "[" + key + "]";
		}
		return field.isEmpty() ? key : field + "." + key;
	}

	private static String field(String path) {
		StringBuilder field = new StringBuilder();
		for (String segment : path.substring(Math.min(1, path.length())).split("/", -1)) {
			String key = segment.replace("~1", "/").replace("~0", "~");
			if (key.chars().allMatch(Character::isDigit) && !key.isEmpty()) {
				field.append('[').append(key).append(']');
			}
			else {
				field.replace(0, field.length(), child(field.toString(), key));
			}
		}
		return field.toString();
	}

	private static String render(JsonNode value) {
		if (value == null || value.isMissingNode()) {
			return "(none)";
		}
		return value.isValueNode() ? value.asText() : value.toString();
	}

}
