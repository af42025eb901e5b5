package ai.kubernaut.actions.observe;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;

import ai.kubernaut.actions.ActionContext;
import ai.kubernaut.actions.ActionParameter;
import ai.kubernaut.actions.RemediationAction;

/**
 * Checks that something is healthy, asking again until it is or {@code TIMEOUT} passes:
 * with {@code URL}, an HTTP GET answering {@code EXPECTED_STATUS}; without, the target
 * workload having all its desired replicas ready (a Pod: its Ready condition). Reads
 * only.
 */
public class HealthCheckAction implements RemediationAction {

	public static final String NAME = "health_check";

	static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(1);

	static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);

	static final Duration MAX_TIMEOUT = Duration.ofMinutes(30);

	/** No single request may hang the step: a wedged endpoint is retried, not awaited. */
	private static final Duration MAX_REQUEST_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration MIN_REQUEST_TIMEOUT = Duration.ofMillis(500);

	private static final Set<String> KINDS = Set.of("deployment", "statefulset", "daemonset", "pod");

	private final KubernetesClient client;

	private final HttpClient http;

	private final Poller poller;

	/**
	 * @param http used for URL checks; give it a connect timeout
	 */
	public HealthCheckAction(KubernetesClient client, HttpClient http, Poller poller) {
		this.client = client;
		this.http = http;
		this.poller = poller;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<ActionParameter> parameters() {
		return List.of(ActionParameter.optional("URL", "http(s) URL to GET; without it the target's readiness"),
				ActionParameter.optional("EXPECTED_STATUS", "HTTP status that means healthy; 200 when absent"),
				ActionParameter.optional("TIMEOUT", "How long to keep trying, 1s to 30m; 1m when absent"),
				ActionParameter.optional(TargetRef.KIND, "Deployment, StatefulSet, DaemonSet or Pod"),
				ActionParameter.optional(TargetRef.NAMESPACE, "Namespace of the target"),
				ActionParameter.optional(TargetRef.NAME, "Name of the target"));
	}

	@Override
	public List<String> validate(Map<String, Object> parameters) {
		List<String> problems = new ArrayList<>();
		Object url = parameters.get("URL");
		if (url != null && !url.toString().isBlank() && !url.toString().contains("${")) {
			try {
				URI uri = URI.create(url.toString().trim());
				if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
					problems.add("URL must be an absolute http or https URL, got \"" + url + "\"");
				}
			}
			catch (IllegalArgumentException ex) {
				problems.add("URL must be an absolute http or https URL, got \"" + url + "\"");
			}
		}
		else if (url == null || url.toString().isBlank()) {
			String kind = TargetRef.kindOf(parameters);
			if (kind.isEmpty() || parameters.get(TargetRef.NAME) == null) {
				problems.add(NAME + " needs URL, or a target (" + TargetRef.KIND + ", " + TargetRef.NAME + ")");
			}
			else if (!kind.contains("${") && !KINDS.contains(kind.toLowerCase(Locale.ROOT))) {
				problems.add(TargetRef.KIND + " must be Deployment, StatefulSet, DaemonSet or Pod when no URL is "
						+ "given, got \"" + kind + "\"");
			}
		}
		Object expected = parameters.get("EXPECTED_STATUS");
		if (expected != null && !expected.toString().contains("${") && parseStatus(expected.toString()) == null) {
			problems.add("EXPECTED_STATUS must be an HTTP status between 100 and 599, got \"" + expected + "\"");
		}
		String timeout = Durations.check("TIMEOUT", parameters.get("TIMEOUT"), MIN_TIMEOUT, MAX_TIMEOUT);
		if (timeout != null) {
			problems.add(timeout);
		}
		return problems;
	}

	@Override
	public Map<String, Object> execute(ActionContext context) {
		List<String> problems = validate(context.parameters());
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(String.join("; ", problems));
		}
		Duration timeout = Durations.parameter(context, "TIMEOUT", DEFAULT_TIMEOUT, MIN_TIMEOUT, MAX_TIMEOUT);
		Optional<String> url = context.optional("URL");
		return url.isPresent() ? checkUrl(URI.create(url.get()), expectedStatus(context), timeout)
				: checkReadiness(TargetRef.from(context), timeout);
	}

	@Override
	public Map<String, Object> preview(ActionContext context) {
		Map<String, Object> output = new LinkedHashMap<>();
		output.put("dryRun", true);
		output.put("action", NAME);
		output.put("wouldCheck",
				context.optional("URL")
					.map((url) -> "GET " + url + " answers " + expectedStatus(context))
					.orElseGet(() -> TargetRef.from(context) + " has all replicas ready"));
		return output;
	}

	private Map<String, Object> checkUrl(URI url, int expected, Duration timeout) {
		Instant start = this.poller.clock().instant();
		int[] attempts = new int[1];
		String[] last = { "no answer" };
		Instant deadline = start.plus(timeout);
		Optional<Integer> status = this.poller.until(timeout, () -> {
			attempts[0]++;
			Duration left = Duration.between(this.poller.clock().instant(), deadline);
			// The last attempt may overrun the deadline a little rather than time out
			// before a healthy endpoint had a chance to answer.
			Duration requestTimeout = (left.compareTo(MAX_REQUEST_TIMEOUT) > 0) ? MAX_REQUEST_TIMEOUT
					: (left.compareTo(MIN_REQUEST_TIMEOUT) > 0) ? left : MIN_REQUEST_TIMEOUT;
			try {
				HttpResponse<Void> response = this.http.send(
						HttpRequest.newBuilder(url).GET().timeout(requestTimeout).build(),
						HttpResponse.BodyHandlers.discarding());
				last[0] = "status " + response.statusCode();
				return (response.statusCode() == expected) ? Optional.of(response.statusCode()) : Optional.empty();
			}
			catch (IOException ex) {
				last[0] = ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
				return Optional.empty();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while checking " + url, ex);
			}
		});
		if (status.isEmpty()) {
			throw new IllegalStateException("GET " + url + " did not answer " + expected + " within "
					+ Durations.format(timeout) + " (" + attempts[0] + " attempt(s), last: " + last[0] + ")");
		}
		Map<String, Object> output = new LinkedHashMap<>();
		output.put("healthy", true);
		output.put("url", url.toString());
		output.put("status", status.get());
		output.put("attempts", attempts[0]);
		output.put("waitedMillis", Duration.between(start, this.poller.clock().instant()).toMillis());
		return output;
	}

	private Map<String, Object> checkReadiness(TargetRef target, Duration timeout) {
		String[] last = { "not read" };
		Optional<String> ready = this.poller.until(timeout, () -> {
			HasMetadata workload = Workloads.get(this.client, target);
			if (workload == null) {
				last[0] = "does not exist";
				return Optional.empty();
			}
			Readiness readiness = Readiness.of(workload);
			last[0] = readiness.summary();
			return readiness.ready() ? Optional.of(readiness.summary()) : Optional.empty();
		});
		if (ready.isEmpty()) {
			throw new IllegalStateException(
					target + " not healthy within " + Durations.format(timeout) + ": " + last[0]);
		}
		Map<String, Object> output = new LinkedHashMap<>();
		output.put("healthy", true);
		output.put("object", target.toString());
		output.put("status", ready.get());
		return output;
	}

	private static int expectedStatus(ActionContext context) {
		return context.optional("EXPECTED_STATUS").map(HealthCheckAction::parseStatus).orElse(200);
	}

	private static Integer parseStatus(String text) {
		try {
			int status = Integer.parseInt(text.trim());
			return (status >= 100 && status <= 599) ? status : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private record Readiness(boolean ready, String summary) {

		static Readiness of(HasMetadata workload) {
			return switch (workload) {
				case Deployment deployment ->
					replicas(Objects.requireNonNullElse(deployment.getSpec().getReplicas(), 1),
							(deployment.getStatus() != null) ? deployment.getStatus().getReadyReplicas() : null);
				case StatefulSet statefulSet ->
					replicas(Objects.requireNonNullElse(statefulSet.getSpec().getReplicas(), 1),
							(statefulSet.getStatus() != null) ? statefulSet.getStatus().getReadyReplicas() : null);
				case DaemonSet daemonSet -> replicas(
						(daemonSet.getStatus() != null)
								? Objects.requireNonNullElse(daemonSet.getStatus().getDesiredNumberScheduled(), 0) : 0,
						(daemonSet.getStatus() != null) ? daemonSet.getStatus().getNumberReady() : null);
				case Pod pod -> Workloads.isReady(pod) ? new Readiness(true, "pod Ready")
						: new Readiness(false, "pod not Ready (phase "
								+ ((pod.getStatus() != null) ? pod.getStatus().getPhase() : "unknown") + ")");
				default -> throw new IllegalArgumentException("Cannot judge the health of a " + workload.getKind());
			};
		}

		/**
		 * A workload scaled to zero serves nothing, so it does not count as healthy.
		 */
		private static Readiness replicas(int desired, Integer ready) {
			int readyCount = Objects.requireNonNullElse(ready, 0);
			String summary = readyCount + "/" + desired + " ready";
			return new Readiness(desired > 0 && readyCount >= desired, (desired == 0) ? "scaled to 0" : summary);
		}

	}

}
