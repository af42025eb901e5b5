package ai.kubernaut.actions.observe;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import ai.kubernaut.actions.ActionContext;
import ai.kubernaut.actions.ActionParameter;
import ai.kubernaut.actions.RemediationAction;

/**
 * Gathers what an on-call engineer looks at first, and stores it as the step's output
 * (which the engine also writes to the audit trail): the target object as YAML, its
 * recent events, and for workloads the logs of some of its pods (also the previous
 * container's log when a container has restarted, which is where a crash is explained).
 * <p>
 * Everything is bounded: pods ({@code MAX_PODS}), lines per log ({@code TAIL_LINES}),
 * bytes per log and the size of the whole output, so a chatty pod cannot bloat the
 * execution record. Values of environment variables whose names suggest secrets are
 * redacted from the YAML, and a Secret's data is never read. Reads only; a log that
 * cannot be read is reported in the output rather than failing the step.
 */
public class CollectDiagnosticsAction implements RemediationAction {

	public static final String NAME = "collect_diagnostics";

	static final int DEFAULT_MAX_PODS = 3;

	static final int MAX_MAX_PODS = 10;

	static final int DEFAULT_TAIL_LINES = 200;

	static final int MAX_TAIL_LINES = 2000;

	private static final int MAX_EVENTS = 30;

	private static final long MAX_EVENTS_SCANNED = 500;

	private static final Pattern SECRET_NAME = Pattern
		.compile(".*(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL).*", Pattern.CASE_INSENSITIVE);

	private static final Map<String, String> API_VERSIONS = Map.ofEntries(Map.entry("deployment", "apps/v1"),
			Map.entry("statefulset", "apps/v1"), Map.entry("daemonset", "apps/v1"), Map.entry("replicaset", "apps/v1"),
			Map.entry("pod", "v1"), Map.entry("node", "v1"), Map.entry("service", "v1"), Map.entry("configmap", "v1"),
			Map.entry("persistentvolumeclaim", "v1"), Map.entry("horizontalpodautoscaler", "autoscaling/v2"),
			Map.entry("poddisruptionbudget", "policy/v1"), Map.entry("job", "batch/v1"),
			Map.entry("cronjob", "batch/v1"));

	private final KubernetesClient client;

	private final int maxLogBytes;

	private final int maxOutputBytes;

	/**
	 * @param maxLogBytes the most read from one container's log
	 * @param maxOutputBytes the most the whole output may hold; logs are cut to fit
	 */
	public CollectDiagnosticsAction(KubernetesClient client, int maxLogBytes, int maxOutputBytes) {
		this.client = client;
		this.maxLogBytes = maxLogBytes;
		this.maxOutputBytes = maxOutputBytes;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<ActionParameter> parameters() {
		return List.of(ActionParameter.required(TargetRef.KIND, "Kind of the object to diagnose"),
				ActionParameter.optional(TargetRef.NAMESPACE, "Its namespace; absent for cluster-scoped kinds"),
				ActionParameter.required(TargetRef.NAME, "Its name"),
				ActionParameter.optional("TARGET_RESOURCE_API_VERSION", "Its apiVersion, for kinds not built in"),
				ActionParameter.optional("MAX_PODS",
						"Pods whose logs are read, 0 to " + MAX_MAX_PODS + "; " + DEFAULT_MAX_PODS + " when absent"),
				ActionParameter.optional("TAIL_LINES", "Last lines read per log, 1 to " + MAX_TAIL_LINES + "; "
						+ DEFAULT_TAIL_LINES + " when absent"));
	}

	@Override
	public List<String> validate(Map<String, Object> parameters) {
		List<String> problems = new ArrayList<>();
		checkInt(parameters, "MAX_PODS", 0, MAX_MAX_PODS, problems);
		checkInt(parameters, "TAIL_LINES", 1, MAX_TAIL_LINES, problems);
		String kind = TargetRef.kindOf(parameters);
		if (!kind.isEmpty() && !kind.contains("${") && !API_VERSIONS.containsKey(kind.toLowerCase(Locale.ROOT))
				&& parameters.get("TARGET_RESOURCE_API_VERSION") == null) {
			problems.add("TARGET_RESOURCE_API_VERSION is required to diagnose a " + kind);
		}
		return problems;
	}

	@Override
	public Map<String, Object> execute(ActionContext context) {
		List<String> problems = validate(context.parameters());
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(String.join("; ", problems));
		}
		TargetRef target = TargetRef.from(context);
		int maxPods = context.optional("MAX_PODS").map(Integer::parseInt).orElse(DEFAULT_MAX_PODS);
		int tailLines = context.optional("TAIL_LINES").map(Integer::parseInt).orElse(DEFAULT_TAIL_LINES);
		GenericKubernetesResource object = read(target, context.optional("TARGET_RESOURCE_API_VERSION").orElse(null));
		if (object == null) {
			throw new IllegalStateException(target + " does not exist");
		}
		Budget budget = new Budget(this.maxOutputBytes);
		Map<String, Object> output = new LinkedHashMap<>();
		output.put("object", target.toString());
		output.put("yaml", budget.take(yaml(object)));
		output.put("events", events(target));
		List<Map<String, Object>> pods = new ArrayList<>();
		for (Pod pod : pods(target, object, maxPods)) {
			pods.add(pod(pod, tailLines, budget));
		}
		output.put("pods", pods);
		if (context.optional("type")
			.or(() -> context.optional("TYPE"))
			.filter("heap_dump"::equalsIgnoreCase)
			.isPresent()) {
			output.put("notCollected", Map.of("heap_dump", "a heap dump is taken by the create_heap_dump action, a Job "
					+ "bundle configured under kubernaut.engine.jobs.bundles.create_heap_dump"));
		}
		output.put("truncated", budget.truncated);
		return output;
	}

	@Override
	public Map<String, Object> preview(ActionContext context) {
		Map<String, Object> output = new LinkedHashMap<>();
		output.put("dryRun", true);
		output.put("action", NAME);
		output.put("wouldCollect", "YAML, events and pod logs of " + TargetRef.from(context));
		return output;
	}

	private GenericKubernetesResource read(TargetRef target, String apiVersion) {
		String version = (apiVersion != null) ? apiVersion : API_VERSIONS.get(target.kind().toLowerCase(Locale.ROOT));
		var resources = this.client.genericKubernetesResources(version, canonicalKind(target.kind()));
		return (target.namespace() != null) ? resources.inNamespace(target.namespace()).withName(target.name()).get()
				: resources.withName(target.name()).get();
	}

	private String yaml(GenericKubernetesResource object) {
		JsonNode tree = this.client.getKubernetesSerialization().convertValue(object, JsonNode.class);
		if (tree.get("metadata") instanceof ObjectNode metadata) {
			metadata.remove("managedFields");
		}
		if ("Secret".equals(object.getKind()) && tree instanceof ObjectNode secret) {
			secret.remove("data");
			secret.remove("stringData");
		}
		redact(tree);
		return this.client.getKubernetesSerialization().asYaml(tree);
	}

	/**
	 * Env entries are {name, value} pairs: blank the value when the name reads like a
	 * credential. A secret in plain env is a mistake, but not one to copy into an audit
	 * trail.
	 */
	private static void redact(JsonNode node) {
		if (node instanceof ObjectNode object) {
			JsonNode name = object.get("name");
			if (name != null && name.isTextual() && object.has("value")
					&& SECRET_NAME.matcher(name.asText()).matches()) {
				object.put("value", "<redacted>");
			}
		}
		node.forEach(CollectDiagnosticsAction::redact);
	}

	private List<Map<String, Object>> events(TargetRef target) {
		if (target.namespace() == null) {
			return List.of();
		}
		try {
			List<Event> events = this.client.v1()
				.events()
				.inNamespace(target.namespace())
				.withField("involvedObject.name", target.name())
				.list()
				.getItems();
			if (events.isEmpty()) {
				// Not every API server filters events by involvedObject (the sandbox's
				// answers nothing): look again, bounded, and filter here.
				events = this.client.v1()
					.events()
					.inNamespace(target.namespace())
					.list(new ListOptionsBuilder().withLimit(MAX_EVENTS_SCANNED).build())
					.getItems();
			}
			return events.stream()
				.filter((event) -> event.getInvolvedObject() != null
						&& target.name().equals(event.getInvolvedObject().getName())
						&& (event.getInvolvedObject().getKind() == null
								|| target.kind().equalsIgnoreCase(event.getInvolvedObject().getKind())))
				.sorted(Comparator.comparing(CollectDiagnosticsAction::when, Comparator.reverseOrder()))
				.limit(MAX_EVENTS)
				.map(CollectDiagnosticsAction::event)
				.toList();
		}
		catch (KubernetesClientException ex) {
			return List.of(Map.of("error", "events could not be read: " + ex.getMessage()));
		}
	}

	private static String when(Event event) {
		return Objects.requireNonNullElse(
				Objects.requireNonNullElse(event.getLastTimestamp(), event.getMetadata().getCreationTimestamp()), "");
	}

	private static Map<String, Object> event(Event event) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("type", event.getType());
		view.put("reason", event.getReason());
		view.put("message", event.getMessage());
		view.put("count", event.getCount());
		view.put("lastTimestamp", when(event));
		return view;
	}

	private List<Pod> pods(TargetRef target, GenericKubernetesResource object, int maxPods) {
		if (maxPods == 0 || target.namespace() == null) {
			return List.of();
		}
		if ("pod".equalsIgnoreCase(target.kind())) {
			return List.of(this.client.getKubernetesSerialization().convertValue(object, Pod.class));
		}
		Object selector = object.getAdditionalProperties().get("spec") instanceof Map<?, ?> spec ? spec.get("selector")
				: null;
		if (!(selector instanceof Map<?, ?>)) {
			return List.of();
		}
		LabelSelector labels = this.client.getKubernetesSerialization().convertValue(selector, LabelSelector.class);
		if ((labels.getMatchLabels() == null || labels.getMatchLabels().isEmpty())
				&& (labels.getMatchExpressions() == null || labels.getMatchExpressions().isEmpty())) {
			return List.of();
		}
		return this.client.pods()
			.inNamespace(target.namespace())
			.withLabelSelector(labels)
			.list()
			.getItems()
			.stream()
			// The unhealthy pods explain the incident; read them first.
			.sorted(Comparator.comparing(CollectDiagnosticsAction::restarts).reversed())
			.limit(maxPods)
			.toList();
	}

	private Map<String, Object> pod(Pod pod, int tailLines, Budget budget) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("name", pod.getMetadata().getName());
		view.put("phase", (pod.getStatus() != null) ? pod.getStatus().getPhase() : null);
		view.put("node", pod.getSpec().getNodeName());
		List<Map<String, Object>> containers = new ArrayList<>();
		pod.getSpec().getContainers().forEach((container) -> {
			ContainerStatus status = status(pod, container.getName());
			Map<String, Object> containerView = new LinkedHashMap<>();
			containerView.put("name", container.getName());
			if (status != null) {
				containerView.put("ready", status.getReady());
				containerView.put("restartCount", status.getRestartCount());
				if (status.getLastState() != null && status.getLastState().getTerminated() != null) {
					containerView.put("lastTerminationReason", status.getLastState().getTerminated().getReason());
					containerView.put("lastExitCode", status.getLastState().getTerminated().getExitCode());
				}
			}
			containerView.put("log", budget.take(log(pod, container.getName(), tailLines, false)));
			if (status != null && status.getRestartCount() != null && status.getRestartCount() > 0) {
				containerView.put("previousLog", budget.take(log(pod, container.getName(), tailLines, true)));
			}
			containers.add(containerView);
		});
		view.put("containers", containers);
		return view;
	}

	private String log(Pod pod, String container, int tailLines, boolean previous) {
		try {
			var logs = this.client.pods()
				.inNamespace(pod.getMetadata().getNamespace())
				.withName(pod.getMetadata().getName())
				.inContainer(container);
			// The API offers no byte limit for the previous container's log: cut it here.
			String text = previous ? logs.terminated().tailingLines(tailLines).getLog()
					: logs.limitBytes(this.maxLogBytes).tailingLines(tailLines).getLog();
			return new Budget(this.maxLogBytes).take(Objects.requireNonNullElse(text, ""));
		}
		catch (KubernetesClientException ex) {
			return "<log not available: " + ((ex.getStatus() != null && ex.getStatus().getMessage() != null)
					? ex.getStatus().getMessage() : ex.getMessage()) + ">";
		}
	}

	private static ContainerStatus status(Pod pod, String container) {
		if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
			return null;
		}
		return pod.getStatus()
			.getContainerStatuses()
			.stream()
			.filter((status) -> container.equals(status.getName()))
			.findFirst()
			.orElse(null);
	}

	private static int restarts(Pod pod) {
		if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
			return 0;
		}
		return pod.getStatus()
			.getContainerStatuses()
			.stream()
			.mapToInt((status) -> Objects.requireNonNullElse(status.getRestartCount(), 0))
			.sum();
	}

	private static String canonicalKind(String kind) {
		return API_VERSIONS.keySet().stream().filter(kind::equalsIgnoreCase).findFirst().map((known) -> switch (known) {
			case "statefulset" -> "StatefulSet";
			case "daemonset" -> "DaemonSet";
			case "replicaset" -> "ReplicaSet";
			case "configmap" -> "ConfigMap";
			case "persistentvolumeclaim" -> "PersistentVolumeClaim";
			case "horizontalpodautoscaler" -> "HorizontalPodAutoscaler";
			case "poddisruptionbudget" -> "PodDisruptionBudget";
			case "cronjob" -> "CronJob";
			default -> Character.toUpperCase(known.charAt(0)) + known.substring(1);
		}).orElse(kind);
	}

	private static void checkInt(Map<String, Object> parameters, String name, int min, int max, List<String> problems) {
		Object value = parameters.get(name);
		if (value == null || value.toString().isBlank() || value.toString().contains("${")) {
			return;
		}
		try {
			int number = Integer.parseInt(value.toString().trim());
			if (number < min || number > max) {
				problems.add(name + " must be between " + min + " and " + max + ", got \"" + value + "\"");
			}
		}
		catch (NumberFormatException ex) {
			problems.add(name + " must be a whole number, got \"" + value + "\"");
		}
	}

	/**
	 * What is left of the output's size limit. Text that does not fit is cut and marked,
	 * keeping its end: the last lines of a log are the ones that matter.
	 */
	private static final class Budget {

		private int left;

		private boolean truncated;

		Budget(int size) {
			this.left = size;
		}

		String take(String text) {
			byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
			if (bytes.length <= this.left) {
				this.left -= bytes.length;
				return text;
			}
			this.truncated = true;
			int keep = Math.max(0, this.left);
			this.left = 0;
			String tail = new String(bytes, bytes.length - keep, keep, StandardCharsets.UTF_8);
			return "<cut: output limit reached>" + tail;
		}

	}

}
