package ai.kubernaut.actions.observe;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;

import ai.kubernaut.actions.ActionContext;
import ai.kubernaut.actions.ActionParameter;
import ai.kubernaut.actions.RemediationAction;

/**
 * Waits until the target Deployment, StatefulSet or DaemonSet has rolled out its current
 * spec: {@code observedGeneration >= generation} and every desired replica updated and
 * available. Reads only, so running it again is harmless.
 */
public class WaitForRolloutAction implements RemediationAction {

	public static final String NAME = "wait_for_rollout";

	static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

	static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);

	static final Duration MAX_TIMEOUT = Duration.ofHours(1);

	private static final Set<String> KINDS = Set.of("deployment", "statefulset", "daemonset");

	private final KubernetesClient client;

	private final Poller poller;

	public WaitForRolloutAction(KubernetesClient client, Poller poller) {
		this.client = client;
		this.poller = poller;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<ActionParameter> parameters() {
		return List.of(ActionParameter.required(TargetRef.KIND, "Deployment, StatefulSet or DaemonSet"),
				ActionParameter.required(TargetRef.NAMESPACE, "Namespace of the workload"),
				ActionParameter.required(TargetRef.NAME, "Name of the workload"),
				ActionParameter.optional("TIMEOUT", "How long to wait, 1s to 1h; 5m when absent"));
	}

	@Override
	public List<String> validate(Map<String, Object> parameters) {
		List<String> problems = new ArrayList<>();
		String kind = TargetRef.kindOf(parameters);
		if (!kind.isEmpty() && !kind.contains("${") && !KINDS.contains(kind.toLowerCase(Locale.ROOT))) {
			problems.add(TargetRef.KIND + " must be Deployment, StatefulSet or DaemonSet for " + NAME + ", got \""
					+ kind + "\"");
		}
		String timeout = Durations.check("TIMEOUT", parameters.get("TIMEOUT"), MIN_TIMEOUT, MAX_TIMEOUT);
		if (timeout != null) {
			problems.add(timeout);
		}
		return problems;
	}

	@Override
	public Map<String, Object> execute(ActionContext context) {
		TargetRef target = TargetRef.from(context);
		if (!KINDS.contains(target.kind().toLowerCase(Locale.ROOT))) {
			throw new IllegalArgumentException(
					NAME + " waits for Deployments, StatefulSets and DaemonSets, but the " + "target is " + target);
		}
		Duration timeout = Durations.parameter(context, "TIMEOUT", DEFAULT_TIMEOUT, MIN_TIMEOUT, MAX_TIMEOUT);
		Instant start = this.poller.clock().instant();
		RolloutStatus[] last = new RolloutStatus[1];
		Optional<RolloutStatus> done = this.poller.until(timeout, () -> {
			HasMetadata workload = Workloads.get(this.client, target);
			if (workload == null) {
				throw new IllegalStateException(target + " does not exist");
			}
			last[0] = RolloutStatus.of(workload);
			return last[0].done() ? Optional.of(last[0]) : Optional.empty();
		});
		if (done.isEmpty()) {
			throw new IllegalStateException("Rollout of " + target + " not complete after " + Durations.format(timeout)
					+ ": " + last[0].summary());
		}
		Map<String, Object> output = new LinkedHashMap<>();
		output.put("object", target.toString());
		output.put("rolledOut", true);
		output.put("status", done.get().summary());
		output.put("waitedMillis", Duration.between(start, this.poller.clock().instant()).toMillis());
		return output;
	}

	/**
	 * Reads the current rollout state without waiting: a dry run cannot wait for a change
	 * it did not make.
	 */
	@Override
	public Map<String, Object> preview(ActionContext context) {
		TargetRef target = TargetRef.from(context);
		HasMetadata workload = Workloads.get(this.client, target);
		Map<String, Object> output = new LinkedHashMap<>();
		output.put("dryRun", true);
		output.put("object", target.toString());
		output.put("exists", workload != null);
		if (workload != null) {
			RolloutStatus status = RolloutStatus.of(workload);
			output.put("rolledOut", status.done());
			output.put("status", status.summary());
		}
		return output;
	}

}
