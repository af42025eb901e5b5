package ai.kubernaut.gateway.prometheus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ai.kubernaut.contracts.signal.ResourceRef;
import ai.kubernaut.gateway.cluster.ClusterReader;
import ai.kubernaut.gateway.intake.InvalidSignalException;
import ai.kubernaut.gateway.signal.NormalizedSignal;

/**
 * Turns one alert of an Alertmanager notification into a {@link NormalizedSignal}, the
 * way Kubernaut's Prometheus adapter reads it: common labels and annotations merged under
 * the alert's own, {@code alertname} required, severity lower-cased (default
 * {@code unknown}), namespace from {@code exported_namespace}, then {@code namespace},
 * then {@code default}, and cluster from the {@code cluster} label.
 *
 * <p>
 * Target candidates come from the labels in {@link #TARGET_LABELS} order, in Kubernaut's
 * tiers: workload labels first, then other namespaced kinds, then {@code pod} and the
 * node labels ({@code node}, {@code kubernetes_node}). Workloads come before {@code pod}
 * because kube-state-metrics alerts carry the exporter's own pod in {@code pod} next to
 * the workload they are about. For the same reason a {@code pod} label that names the
 * scraped exporter itself (its name starts with the {@code job} label, e.g.
 * {@code kube-state-metrics-6d5f…} with {@code job=kube-state-metrics}) goes last: a
 * {@code KubeNodeNotReady} alert is about its {@code node}, not about kube-state-metrics,
 * while an alert about the exporter itself still finds it. Last of all, the host part of
 * {@code instance} is tried as a Node name (node-exporter alerts name the node there);
 * Kubernaut ignores {@code instance}, and a value that is not a Node's name finds
 * nothing. Node candidates have an empty namespace.
 */
class AlertmanagerNormalizer {

	static final String SOURCE = "prometheus";

	/**
	 * Label → kind, most specific workload first; the first candidate that exists is the
	 * target.
	 */
	static final List<Map.Entry<String, String>> TARGET_LABELS = List.of(Map.entry("deployment", "Deployment"),
			Map.entry("statefulset", "StatefulSet"), Map.entry("daemonset", "DaemonSet"),
			Map.entry("cronjob", "CronJob"), Map.entry("job_name", "Job"),
			Map.entry("persistentvolumeclaim", "PersistentVolumeClaim"),
			Map.entry("horizontalpodautoscaler", "HorizontalPodAutoscaler"), Map.entry("pod", "Pod"),
			Map.entry("node", "Node"), Map.entry("kubernetes_node", "Node"));

	private static final Instant UNSET = Instant.EPOCH;

	/**
	 * Checks what the whole notification must satisfy before its alerts are read.
	 */
	void checkNotification(AlertmanagerPayload payload) {
		if (payload.alerts() == null || payload.alerts().isEmpty()) {
			throw new InvalidSignalException("alerts", "must contain at least one alert");
		}
	}

	/**
	 * The signal of {@code payload.alerts[index]}.
	 * @throws InvalidSignalException naming the field (e.g.
	 * {@code alerts[0].labels.alertname})
	 */
	NormalizedSignal normalize(AlertmanagerPayload payload, int index) {
		String path = "alerts[" + index + "]";
		AlertmanagerPayload.Alert alert = payload.alerts().get(index);
		if (alert == null) {
			throw new InvalidSignalException(path, "must be an alert object");
		}
		Map<String, String> labels = merge(payload.commonLabels(), alert.labels());
		Map<String, String> annotations = merge(payload.commonAnnotations(), alert.annotations());
		String name = labels.get("alertname");
		if (name == null || name.isBlank()) {
			throw new InvalidSignalException(path + ".labels.alertname", "is required");
		}
		String namespace = firstPresent(labels.get("exported_namespace"), labels.get("namespace"), "default");
		return new NormalizedSignal(SOURCE, name.trim(), severity(labels.get("severity")), namespace,
				blankToNull(labels.get("cluster")), labels, annotations, set(alert.startsAt()),
				resolved(payload, alert, path), candidates(labels, namespace));
	}

	private static boolean resolved(AlertmanagerPayload payload, AlertmanagerPayload.Alert alert, String path) {
		String status = (alert.status() != null) ? alert.status() : payload.status();
		if (status == null || "firing".equalsIgnoreCase(status)) {
			return false;
		}
		if ("resolved".equalsIgnoreCase(status)) {
			return true;
		}
		throw new InvalidSignalException(path + ".status", "must be firing or resolved, not '" + status + "'");
	}

	private static List<ResourceRef> candidates(Map<String, String> labels, String namespace) {
		List<ResourceRef> candidates = new ArrayList<>();
		ResourceRef exporterPod = null;
		String job = blankToNull(labels.get("job"));
		for (Map.Entry<String, String> label : TARGET_LABELS) {
			String name = blankToNull(labels.get(label.getKey()));
			if (name == null) {
				continue;
			}
			String kind = label.getValue();
			ResourceRef candidate = new ResourceRef(kind, ClusterReader.clusterScoped(kind) ? "" : namespace, name);
			if (kind.equals("Pod") && job != null && name.startsWith(job + "-")) {
				exporterPod = candidate;
			}
			else if (!candidates.contains(candidate)) {
				candidates.add(candidate);
			}
		}
		String instanceHost = host(blankToNull(labels.get("instance")));
		if (instanceHost != null) {
			ResourceRef node = new ResourceRef("Node", "", instanceHost);
			if (!candidates.contains(node)) {
				candidates.add(node);
			}
		}
		if (exporterPod != null) {
			candidates.add(exporterPod);
		}
		return candidates;
	}

	/**
	 * {@code worker-1:9100} → {@code worker-1}; {@code null} for an IP address, which
	 * names no Node, or an IPv6 literal.
	 */
	private static String host(String instance) {
		if (instance == null || instance.startsWith("[")) {
			return null;
		}
		int colon = instance.lastIndexOf(':');
		String host = (colon > 0) ? instance.substring(0, colon) : instance;
		if (host.isEmpty() || host.chars().allMatch((c) -> Character.isDigit(c) || c == '.')) {
			return null;
		}
		return host;
	}

	private static String severity(String value) {
		return (value == null || value.isBlank()) ? "unknown" : value.trim().toLowerCase(Locale.ROOT);
	}

	/**
	 * Alertmanager writes the zero time {@code 0001-01-01T00:00:00Z} for a timestamp it
	 * does not have.
	 */
	private static Instant set(Instant instant) {
		return (instant != null && instant.isAfter(UNSET)) ? instant : null;
	}

	private static Map<String, String> merge(Map<String, String> common, Map<String, String> own) {
		Map<String, String> merged = new LinkedHashMap<>();
		putPresent(merged, common);
		putPresent(merged, own);
		return merged;
	}

	private static void putPresent(Map<String, String> target, Map<String, String> source) {
		if (source != null) {
			source.forEach((key, value) -> {
				if (value != null) {
					target.put(key, value);
				}
			});
		}
	}

	private static String firstPresent(String... values) {
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				return value.trim();
			}
		}
		return null;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
