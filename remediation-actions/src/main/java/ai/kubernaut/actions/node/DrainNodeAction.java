package ai.kubernaut.actions.node;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import io.fabric8.kubernetes.api.model.DeleteOptionsBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.policy.v1.Eviction;
import io.fabric8.kubernetes.api.model.policy.v1.EvictionBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import ai.kubernaut.actions.ActionContext;
import ai.kubernaut.actions.ActionParameter;
import ai.kubernaut.actions.ActionSkippedException;
import ai.kubernaut.actions.RemediationAction;
import ai.kubernaut.actions.mutation.MutationResult;
import ai.kubernaut.actions.mutation.ObjectMutator;
import ai.kubernaut.actions.observe.Durations;
import ai.kubernaut.actions.observe.Poller;

/**
 * Drains a node as {@code kubectl drain} does: cordons it, evicts its pods through the
 * Eviction API, so the API server enforces every PodDisruptionBudget, and waits until the
 * evicted pods are gone (deleted, or replaced by a new pod of the same name). Skipped,
 * and listed with the reason: DaemonSet pods (their controller would put them back),
 * mirror pods (the kubelet owns them), terminated pods, pods no controller would
 * recreate, and pods in namespaces outside the engine's scope.
 * <p>
 * An eviction refused with 429 (a budget allows no disruption now), or a budget whose
 * status already allows none, is not forced: the pod is tried again each round until
 * {@code TIMEOUT} (5m by default), then the step fails naming the pods still on the node
 * and the budgets that held them. A workload whose budget allows 0 disruptions therefore
 * loses no pod. The node stays cordoned either way.
 * <p>
 * Idempotent: a re-driven drain finds the node already cordoned by this step and only the
 * pods still there. Evictions cannot be undone: {@code irreversible: true},
 * {@code rollback: null}.
 */
public class DrainNodeAction implements RemediationAction {

	public static final String NAME = "drain_node";

	static final String MIRROR_ANNOTATION = "kubernetes.io/config.mirror";

	static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

	static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);

	static final Duration MAX_TIMEOUT = Duration.ofHours(1);

	private final ObjectMutator mutator;

	private final KubernetesClient client;

	private final Poller poller;

	public DrainNodeAction(ObjectMutator mutator, Poller poller) {
		this.mutator = mutator;
		this.client = mutator.client();
		this.poller = poller;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<ActionParameter> parameters() {
		return List.of(NodeParameters.PARAMETER,
				ActionParameter.optional("TIMEOUT",
						"How long evictions blocked by budgets are retried, 1s to 1h; " + "5m when absent"),
				ActionParameter.optional("GRACE_PERIOD_SECONDS",
						"Termination grace for evicted pods; theirs when absent"));
	}

	@Override
	public boolean mutating() {
		return true;
	}

	@Override
	public List<String> validate(Map<String, Object> parameters) {
		List<String> problems = new ArrayList<>(NodeParameters.validate(parameters));
		String timeout = Durations.check("TIMEOUT", parameters.get("TIMEOUT"), MIN_TIMEOUT, MAX_TIMEOUT);
		if (timeout != null) {
			problems.add(timeout);
		}
		Object grace = parameters.get("GRACE_PERIOD_SECONDS");
		if (grace != null && !grace.toString().isBlank() && !grace.toString().contains("${")) {
			try {
				if (Long.parseLong(grace.toString().trim()) < 0) {
					problems.add("GRACE_PERIOD_SECONDS must not be negative, got \"" + grace + "\"");
				}
			}
			catch (NumberFormatException ex) {
				problems.add("GRACE_PERIOD_SECONDS must be a whole number of seconds, got \"" + grace + "\"");
			}
		}
		return problems;
	}

	@Override
	public Map<String, Object> execute(ActionContext context) {
		requireValid(context);
		String nodeName = NodeParameters.nodeName(context);
		Duration timeout = Durations.parameter(context, "TIMEOUT", DEFAULT_TIMEOUT, MIN_TIMEOUT, MAX_TIMEOUT);
		Long grace = context.optional("GRACE_PERIOD_SECONDS").map(Long::parseLong).orElse(null);
		MutationResult cordon = this.mutator.mutate(context, Node.class, null, nodeName,
				(node) -> CordonNodeAction.schedulable(node, false));
		Plan plan = plan(nodeName);
		List<String> evicted = new ArrayList<>();
		Map<String, Set<String>> blockedBy = new TreeMap<>();
		Map<String, Pod> terminating = new LinkedHashMap<>();
		Optional<Boolean> drained = this.poller.until(timeout, () -> {
			blockedBy.clear();
			DisruptionBudgets budgets = new DisruptionBudgets(this.client);
			for (Pod pod : List.copyOf(plan.toEvict())) {
				Attempt attempt = evict(pod, budgets, grace, false);
				if (attempt.blockedBy() == null) {
					plan.toEvict().remove(pod);
					if (attempt.evicted()) {
						evicted.add(key(pod));
						terminating.put(key(pod), pod);
					}
				}
				else {
					blockedBy.computeIfAbsent(attempt.blockedBy(), (budget) -> new LinkedHashSet<>()).add(key(pod));
				}
			}
			terminating.values().removeIf(this::gone);
			return (plan.toEvict().isEmpty() && terminating.isEmpty()) ? Optional.of(true) : Optional.empty();
		});
		if (drained.isEmpty()) {
			List<String> reasons = new ArrayList<>();
			blockedBy.forEach((budget, pods) -> reasons
				.add(pods.size() + " pod(s) held by " + budget + ": " + String.join(", ", pods)));
			if (!terminating.isEmpty()) {
				reasons.add(terminating.size() + " evicted pod(s) still terminating: "
						+ String.join(", ", terminating.keySet()));
			}
			throw new IllegalStateException("Drain of node " + nodeName + " incomplete after "
					+ Durations.format(timeout) + ": " + String.join("; ", reasons) + ". Evicted " + evicted.size()
					+ " pod(s)" + (evicted.isEmpty() ? "" : " (" + String.join(", ", evicted) + ")")
					+ "; no pod was evicted past its PodDisruptionBudget. The node stays cordoned.");
		}
		Map<String, Object> output = new LinkedHashMap<>();
		output.put("object", "Node/" + nodeName);
		output.put("cordoned", true);
		output.put("cordonAlreadyApplied", cordon.alreadyApplied());
		output.put("evicted", evicted);
		output.put("skipped", plan.skipped());
		output.put("changes", changes(nodeName, cordon, evicted, false));
		output.put("dryRun", false);
		output.put("irreversible", true);
		output.put("rollback", null);
		return output;
	}

	/**
	 * The cordon as a dry-run patch, and each eviction sent with {@code dryRun=All}, so
	 * the API server says now which pods a budget would hold. Nothing changes.
	 */
	@Override
	public Map<String, Object> preview(ActionContext context) {
		requireValid(context);
		String nodeName = NodeParameters.nodeName(context);
		Long grace = context.optional("GRACE_PERIOD_SECONDS").map(Long::parseLong).orElse(null);
		MutationResult cordon = this.mutator.preview(context, Node.class, null, nodeName,
				(node) -> CordonNodeAction.schedulable(node, false));
		Plan plan = plan(nodeName);
		List<String> wouldEvict = new ArrayList<>();
		List<Map<String, Object>> blocked = new ArrayList<>();
		DisruptionBudgets budgets = new DisruptionBudgets(this.client);
		for (Pod pod : plan.toEvict()) {
			Attempt attempt = evict(pod, budgets, grace, true);
			if (attempt.blockedBy() != null) {
				blocked.add(Map.of("pod", key(pod), "reason", "held by " + attempt.blockedBy()));
			}
			else if (attempt.evicted()) {
				wouldEvict.add(key(pod));
			}
		}
		Map<String, Object> output = new LinkedHashMap<>();
		output.put("object", "Node/" + nodeName);
		output.put("diff", cordon.diff());
		output.put("wouldEvict", wouldEvict);
		output.put("blocked", blocked);
		output.put("skipped", plan.skipped());
		output.put("changes", changes(nodeName, cordon, wouldEvict, true));
		output.put("dryRun", true);
		output.put("irreversible", true);
		output.put("rollback", null);
		return output;
	}

	private void requireValid(ActionContext context) {
		List<String> problems = validate(context.parameters());
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(String.join("; ", problems));
		}
	}

	private Plan plan(String nodeName) {
		List<Pod> pods = onNode(
				this.client.pods().inAnyNamespace().withField("spec.nodeName", nodeName).list().getItems(), nodeName);
		if (pods.isEmpty()) {
			// Not every API server filters on spec.nodeName (the sandbox's answers
			// nothing), and a real node is seldom without a single pod: look again
			// without the field selector before calling the node empty.
			pods = onNode(this.client.pods().inAnyNamespace().list().getItems(), nodeName);
		}
		List<Pod> toEvict = new ArrayList<>();
		List<Map<String, Object>> skipped = new ArrayList<>();
		for (Pod pod : pods) {
			String reason = skipReason(pod);
			if (reason != null) {
				skipped.add(Map.of("pod", key(pod), "reason", reason));
			}
			else {
				toEvict.add(pod);
			}
		}
		return new Plan(toEvict, skipped);
	}

	/**
	 * An evicted pod is gone once the API no longer has it, or has a new pod of the same
	 * name (a StatefulSet's replacement, scheduled elsewhere since the node is cordoned).
	 */
	private boolean gone(Pod evicted) {
		Pod current = this.client.pods()
			.inNamespace(evicted.getMetadata().getNamespace())
			.withName(evicted.getMetadata().getName())
			.get();
		return current == null || !current.getMetadata().getUid().equals(evicted.getMetadata().getUid());
	}

	private static List<Pod> onNode(List<Pod> pods, String nodeName) {
		return pods.stream()
			.filter((pod) -> pod.getSpec() != null && nodeName.equals(pod.getSpec().getNodeName()))
			.toList();
	}

	private String skipReason(Pod pod) {
		Map<String, String> annotations = pod.getMetadata().getAnnotations();
		if (annotations != null && annotations.containsKey(MIRROR_ANNOTATION)) {
			return "mirror pod: the kubelet runs it from a static manifest";
		}
		OwnerReference controller = controller(pod);
		if (controller != null && "DaemonSet".equals(controller.getKind())) {
			return "DaemonSet pod: its DaemonSet would run it on the node again";
		}
		String phase = (pod.getStatus() != null) ? pod.getStatus().getPhase() : null;
		if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
			return "already terminated (" + phase + ")";
		}
		if (controller == null) {
			return "not managed by a controller: evicting it would delete it for good";
		}
		try {
			this.mutator.guardrails().checkScope(pod.getMetadata().getNamespace());
		}
		catch (ActionSkippedException ex) {
			return ex.getMessage();
		}
		return null;
	}

	/**
	 * One eviction. A budget whose status allows no disruption holds the pod without
	 * asking; otherwise the API server decides (429 = a budget holds it).
	 */
	private Attempt evict(Pod pod, DisruptionBudgets budgets, Long grace, boolean dryRun) {
		List<PodDisruptionBudget> covering = budgets.covering(pod);
		for (PodDisruptionBudget budget : covering) {
			Integer allowed = DisruptionBudgets.allowed(budget);
			if (allowed != null && allowed <= 0) {
				return new Attempt(false, DisruptionBudgets.describe(budget));
			}
		}
		String namespace = pod.getMetadata().getNamespace();
		String name = pod.getMetadata().getName();
		DeleteOptionsBuilder options = new DeleteOptionsBuilder();
		if (grace != null) {
			options.withGracePeriodSeconds(grace);
		}
		if (dryRun) {
			options.withDryRun("All");
		}
		Eviction eviction = new EvictionBuilder().withNewMetadata()
			.withName(name)
			.withNamespace(namespace)
			.endMetadata()
			.withDeleteOptions(options.build())
			.build();
		try {
			boolean accepted = this.mutator.guardrails()
				.write((dryRun ? "dry-run evict" : "evict") + " Pod/" + namespace + "/" + name,
						() -> this.client.pods().inNamespace(namespace).withName(name).evict(eviction));
			if (accepted) {
				return new Attempt(true, null);
			}
			return new Attempt(false, covering.isEmpty() ? "a PodDisruptionBudget (the API server refused with 429)"
					: String.join(", ", covering.stream().map(DisruptionBudgets::describe).toList()));
		}
		catch (KubernetesClientException ex) {
			if (ex.getCode() == 404) {
				return new Attempt(false, null);
			}
			throw ex;
		}
	}

	private static List<String> changes(String nodeName, MutationResult cordon, List<String> pods, boolean dryRun) {
		List<String> changes = new ArrayList<>();
		if (cordon.changed()) {
			changes.add((dryRun ? "would cordon" : "cordoned") + " Node/" + nodeName);
		}
		pods.forEach((pod) -> changes.add((dryRun ? "would evict Pod/" : "evicted Pod/") + pod));
		return changes;
	}

	private static OwnerReference controller(Pod pod) {
		if (pod.getMetadata().getOwnerReferences() == null) {
			return null;
		}
		return pod.getMetadata()
			.getOwnerReferences()
			.stream()
			.filter((owner) -> Boolean.TRUE.equals(owner.getController()))
			.findFirst()
			.orElse(null);
	}

	private static String key(Pod pod) {
		return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
	}

	/**
	 * @param evicted whether the API server accepted the eviction
	 * @param blockedBy the budget that holds the pod, or {@code null} when the pod is
	 * done with (evicted, or already gone)
	 */
	private record Attempt(boolean evicted, String blockedBy) {

	}

	private record Plan(List<Pod> toEvict, List<Map<String, Object>> skipped) {

		Plan {
			toEvict = new ArrayList<>(toEvict);
		}

	}

}
