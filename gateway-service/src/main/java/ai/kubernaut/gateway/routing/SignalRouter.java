package ai.kubernaut.gateway.routing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.kubernaut.contracts.remediation.RemediationRoute;
import ai.kubernaut.gateway.cel.CelExpression;
import ai.kubernaut.gateway.classify.SignalContext;
import ai.kubernaut.gateway.signal.NormalizedSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import org.springframework.core.io.Resource;

/**
 * Routes a signal to an action type with an ordered list of rules read from a YAML file:
 * the first rule that matches decides. When none does, the signal goes to manual review:
 * the gateway never guesses an action for an alert it has no rule for.
 *
 * <p>
 * The file is read and every CEL condition compiled at startup, so a broken rule file
 * stops the gateway from starting instead of misrouting alerts.
 */
public class SignalRouter {

	static final String NO_RULE = "no-matching-rule";

	private static final Logger log = LoggerFactory.getLogger(SignalRouter.class);

	private static final Set<String> RULE_KEYS = Set.of("name", "alerts", "labels", "when", "actionType", "parameters",
			"manualReview", "reason");

	private final List<RoutingRule> rules;

	SignalRouter(List<RoutingRule> rules) {
		this.rules = List.copyOf(rules);
	}

	public static SignalRouter fromYaml(Resource file) {
		try (InputStream in = file.getInputStream()) {
			Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
			return new SignalRouter(parse(document, file.getDescription()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the routing rules " + file.getDescription(), ex);
		}
	}

	public RemediationRoute route(NormalizedSignal signal, SignalContext context) {
		for (RoutingRule rule : this.rules) {
			try {
				if (rule.matches(signal, context)) {
					return rule.route();
				}
			}
			catch (IllegalStateException ex) {
				log.warn("Routing rule {} skipped for signal {}: {}", rule.name(), signal.name(), ex.getMessage());
			}
		}
		return new RemediationRoute(null, Map.of(), NO_RULE, true,
				"No routing rule covers alert " + signal.name() + "; a person has to decide what to do.");
	}

	List<RoutingRule> rules() {
		return this.rules;
	}

	@SuppressWarnings("unchecked")
	static List<RoutingRule> parse(Object document, String source) {
		if (!(document instanceof Map<?, ?> root) || !(root.get("rules") instanceof List<?> entries)) {
			throw new IllegalArgumentException(source + ": expected a top-level 'rules:' list");
		}
		List<RoutingRule> rules = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (int i = 0; i < entries.size(); i++) {
			String where = source + " rules[" + i + "]";
			if (!(entries.get(i) instanceof Map<?, ?> entry)) {
				throw new IllegalArgumentException(where + ": expected a map");
			}
			Map<String, Object> rule = (Map<String, Object>) entry;
			Set<String> unknown = new HashSet<>(rule.keySet());
			unknown.removeAll(RULE_KEYS);
			if (!unknown.isEmpty()) {
				throw new IllegalArgumentException(where + ": unknown keys " + unknown);
			}
			String name = string(rule, "name", where);
			if (name == null || !names.add(name)) {
				throw new IllegalArgumentException(where + ": needs a unique name");
			}
			try {
				String when = string(rule, "when", where);
				rules.add(new RoutingRule(name, Set.copyOf(strings(rule.get("alerts"))), stringMap(rule.get("labels")),
						(when != null) ? CelExpression.compile(when) : null, string(rule, "actionType", where),
						stringMap(rule.get("parameters")), Boolean.TRUE.equals(rule.get("manualReview")),
						string(rule, "reason", where)));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(where + " (" + name + "): " + ex.getMessage(), ex);
			}
		}
		return rules;
	}

	private static String string(Map<String, Object> rule, String key, String where) {
		Object value = rule.get(key);
		if (value != null && !(value instanceof String)) {
			throw new IllegalArgumentException(where + "." + key + ": expected a string");
		}
		return (String) value;
	}

	private static List<String> strings(Object value) {
		if (value == null) {
			return List.of();
		}
		if (value instanceof List<?> list) {
			return list.stream().map(String::valueOf).toList();
		}
		return List.of(String.valueOf(value));
	}

	private static Map<String, String> stringMap(Object value) {
		Map<String, String> map = new LinkedHashMap<>();
		if (value instanceof Map<?, ?> entries) {
			entries.forEach((key, v) -> map.put(String.valueOf(key), String.valueOf(v)));
		}
		return map;
	}

}
