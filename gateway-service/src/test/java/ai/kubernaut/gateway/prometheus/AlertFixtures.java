package ai.kubernaut.gateway.prometheus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Alertmanager notifications from {@code src/test/resources/alerts/}, optionally edited.
 */
final class AlertFixtures {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private AlertFixtures() {
	}

	static AlertmanagerPayload payload(String name) {
		return payload(name, (notification) -> {
		});
	}

	static AlertmanagerPayload payload(String name, Consumer<ObjectNode> edit) {
		return JSON.treeToValue(edited(name, edit), AlertmanagerPayload.class);
	}

	static String json(String name) {
		return json(name, (notification) -> {
		});
	}

	static String json(String name, Consumer<ObjectNode> edit) {
		return JSON.writeValueAsString(edited(name, edit));
	}

	/** Applies {@code edit} to the notification's first alert. */
	static Consumer<ObjectNode> firstAlert(Consumer<ObjectNode> edit) {
		return (notification) -> edit.accept((ObjectNode) notification.get("alerts").get(0));
	}

	/** Sets {@code label} on every alert. */
	static Consumer<ObjectNode> withLabel(String label, String value) {
		return (notification) -> {
			for (JsonNode alert : notification.get("alerts")) {
				((ObjectNode) alert.get("labels")).put(label, value);
			}
		};
	}

	/** Removes {@code label} from the common labels and from every alert. */
	static Consumer<ObjectNode> withoutLabel(String label) {
		return (notification) -> {
			((ObjectNode) notification.get("commonLabels")).remove(label);
			for (JsonNode alert : notification.get("alerts")) {
				((ObjectNode) alert.get("labels")).remove(label);
			}
		};
	}

	private static ObjectNode edited(String name, Consumer<ObjectNode> edit) {
		ObjectNode notification = tree(name);
		edit.accept(notification);
		return notification;
	}

	private static ObjectNode tree(String name) {
		try (InputStream in = AlertFixtures.class.getResourceAsStream("/alerts/" + name + ".json")) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture alerts/" + name + ".json");
			}
			return (ObjectNode) JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
