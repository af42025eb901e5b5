package ai.kubernaut.gateway.classify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.kubernaut.gateway.cel.CelExpression;
import ai.kubernaut.gateway.cluster.ClusterObject;
import ai.kubernaut.gateway.owner.ResolvedTarget;
import ai.kubernaut.gateway.signal.NormalizedSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Classifies a signal and collects its custom and detected labels, in the form the engine
 * hands to the catalog query.
 *
 * <p>
 * Custom labels come from the namespace labels (a Node's own labels) with the configured
 * prefix ({@code kubernaut.ai/label-team=payments} gives {@code team: [payments]}), then
 * from the configured CEL mappings, whose values are added to the same key. A mapping
 * that fails for one signal (e.g. reads a label the workload lacks) is skipped with a
 * warning rather than failing the alert.
 */
public class SignalEnricher {

	private static final Logger log = LoggerFactory.getLogger(SignalEnricher.class);

	private final SignalClassifier classifier;

	private final LabelDetector detector;

	private final String customLabelPrefix;

	private final Map<String, CelExpression> mappings = new LinkedHashMap<>();

	public SignalEnricher(SignalClassifier classifier, LabelDetector detector, ClassificationProperties properties) {
		this.classifier = classifier;
		this.detector = detector;
		this.customLabelPrefix = properties.customLabelPrefix();
		for (ClassificationProperties.CustomLabelMapping mapping : properties.customLabelMappings()) {
			this.mappings.put(mapping.key(), CelExpression.compile(mapping.expression()));
		}
	}

	public SignalContext enrich(NormalizedSignal signal, ResolvedTarget target) {
		String severity = this.classifier.normalizeSeverity(signal.severity());
		Classification classification = this.classifier.classify(severity, target.scopeLabels(), signal.labels());
		Map<String, Object> detected = this.detector.detect(target);
		Map<String, List<String>> custom = new LinkedHashMap<>();
		target.scopeLabels().forEach((key, value) -> {
			if (key.startsWith(this.customLabelPrefix) && key.length() > this.customLabelPrefix.length()
					&& !value.isBlank()) {
				add(custom, key.substring(this.customLabelPrefix.length()), value);
			}
		});
		Map<String, Object> variables = variables(signal, target, severity, classification, detected, custom);
		this.mappings.forEach((key, expression) -> {
			try {
				Object value = expression.evaluate(variables);
				if (value instanceof String text) {
					add(custom, key, text);
				}
				else if (value instanceof Iterable<?> values) {
					values.forEach((item) -> add(custom, key, String.valueOf(item)));
				}
			}
			catch (IllegalStateException ex) {
				log.warn("Custom label {} skipped for signal {}: {}", key, signal.name(), ex.getMessage());
			}
		});
		Map<String, Object> finalVariables = new LinkedHashMap<>(variables);
		finalVariables.put("custom", Map.copyOf(custom));
		return new SignalContext(severity, classification, custom, detected, finalVariables);
	}

	private static void add(Map<String, List<String>> custom, String key, String value) {
		if (value != null && !value.isBlank()) {
			List<String> values = custom.computeIfAbsent(key, (k) -> new ArrayList<>());
			if (!values.contains(value)) {
				values.add(value);
			}
		}
	}

	static Map<String, Object> variables(NormalizedSignal signal, ResolvedTarget target, String severity,
			Classification classification, Map<String, Object> detected, Map<String, List<String>> custom) {
		ClusterObject owner = target.ownerObject();
		Map<String, String> ownerAnnotations = (owner != null) ? owner.annotations() : Map.of();
		return Map.of("alert",
				Map.of("name", signal.name(), "severity", severity, "labels", signal.labels(), "annotations",
						signal.annotations()),
				"namespace", Map.of("name", target.owner().namespace(), "labels", target.namespaceLabels()), "workload",
				Map.of("kind", target.owner().kind(), "name", target.owner().name(), "labels", target.ownerLabels(),
						"annotations", ownerAnnotations, "revision",
						revision(ownerAnnotations.get("deployment.kubernetes.io/revision"))),
				"classification",
				Map.of("environment", classification.environment(), "priority", classification.priority()), "detected",
				LabelDetector.withDefaults(detected), "custom", Map.copyOf(custom));
	}

	private static long revision(String value) {
		try {
			return (value != null) ? Long.parseLong(value.trim()) : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
