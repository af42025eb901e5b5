package ai.kubernaut.actions.workload;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

import ai.kubernaut.actions.ActionContext;
import ai.kubernaut.actions.ActionParameter;
import ai.kubernaut.actions.mutation.MutationResult;
import ai.kubernaut.actions.mutation.ObjectMutator;

/**
 * {@code increase_resources}: raises the memory and/or CPU limits of the target's
 * containers (one named by {@code CONTAINER}, or all), to an absolute value or by a
 * factor of the current limit. Requests are raised to the new limit unless
 * {@code REQUESTS_TO_LIMITS=false}, which Kubernaut's IncreaseMemoryLimits does so the
 * scheduler reserves what the pod may use. Never lowers a limit: a value below the
 * current one is refused.
 */
public final class IncreaseResourcesAction extends WorkloadAction {

	public static final String NAME = "increase_resources";

	static final String MEMORY_LIMIT = "MEMORY_LIMIT";

	static final String MEMORY_INCREASE_FACTOR = "MEMORY_INCREASE_FACTOR";

	static final String CPU_LIMIT = "CPU_LIMIT";

	static final String CPU_INCREASE_FACTOR = "CPU_INCREASE_FACTOR";

	static final String CONTAINER = "CONTAINER";

	static final String REQUESTS_TO_LIMITS = "REQUESTS_TO_LIMITS";

	public IncreaseResourcesAction(ObjectMutator mutator) {
		super(mutator);
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<ActionParameter> parameters() {
		return List.of(ActionParameter.required(Target.NAMESPACE, "Namespace of the workload"),
				ActionParameter.required(Target.NAME, "Name of the workload"),
				ActionParameter.optional(Target.KIND, "Deployment (default), StatefulSet or DaemonSet"),
				ActionParameter.optional(MEMORY_LIMIT, "New memory limit, e.g. 512Mi"),
				ActionParameter.optional(MEMORY_INCREASE_FACTOR, "Multiply the memory limit, e.g. 2"),
				ActionParameter.optional(CPU_LIMIT, "New CPU limit, e.g. 500m"),
				ActionParameter.optional(CPU_INCREASE_FACTOR, "Multiply the CPU limit, e.g. 1.5"),
				ActionParameter.optional(CONTAINER, "Only this container; all when absent"),
				ActionParameter.optional(REQUESTS_TO_LIMITS, "Raise requests to the new limits; default true"));
	}

	@Override
	public List<String> validate(Map<String, Object> parameters) {
		List<String> problems = new ArrayList<>(Checks.problems(
				Target.checkKind(parameters.get(Target.KIND), NAME, PodTemplates.KINDS),
				Checks.oneOf(parameters, MEMORY_LIMIT, MEMORY_INCREASE_FACTOR),
				Checks.oneOf(parameters, CPU_LIMIT, CPU_INCREASE_FACTOR),
				Checks.quantity(parameters, MEMORY_LIMIT, "512Mi"), Checks.factor(parameters, MEMORY_INCREASE_FACTOR),
				Checks.quantity(parameters, CPU_LIMIT, "500m"), Checks.factor(parameters, CPU_INCREASE_FACTOR),
				Checks.bool(parameters, REQUESTS_TO_LIMITS)));
		if (List.of(MEMORY_LIMIT, MEMORY_INCREASE_FACTOR, CPU_LIMIT, CPU_INCREASE_FACTOR)
			.stream()
			.noneMatch((name) -> Checks.present(parameters, name))) {
			problems.add(NAME + " needs one of " + MEMORY_LIMIT + ", " + MEMORY_INCREASE_FACTOR + ", " + CPU_LIMIT
					+ " or " + CPU_INCREASE_FACTOR);
		}
		return problems;
	}

	@Override
	Map<String, Object> act(ActionContext context, boolean dryRun) {
		List<String> problems = validate(context.parameters());
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(String.join("; ", problems));
		}
		Target target = Target.of(context, NAME, "Deployment", "StatefulSet", "DaemonSet");
		String container = context.optional(CONTAINER).orElse(null);
		boolean requestsToLimits = !"false".equalsIgnoreCase(context.optional(REQUESTS_TO_LIMITS).orElse("true"));
		Map<String, Object> containers = new LinkedHashMap<>();
		MutationResult result = writeWorkload(context, dryRun, target, (workload) -> {
			containers.clear();
			for (Container c : PodTemplates.containers(workload, container)) {
				Map<String, String> changed = new LinkedHashMap<>();
				raise(context, c, "memory", MEMORY_LIMIT, MEMORY_INCREASE_FACTOR, requestsToLimits, changed);
				raise(context, c, "cpu", CPU_LIMIT, CPU_INCREASE_FACTOR, requestsToLimits, changed);
				containers.put(c.getName(), changed);
			}
			return workload;
		});
		Map<String, Object> output = result.toOutput();
		if (!result.alreadyApplied()) {
			output.put("containers", containers);
		}
		return output;
	}

	private static void raise(ActionContext context, Container container, String resource, String absolute,
			String factor, boolean requestsToLimits, Map<String, String> changed) {
		if (context.optional(absolute).isEmpty() && context.optional(factor).isEmpty()) {
			return;
		}
		if (container.getResources() == null) {
			container.setResources(new ResourceRequirements());
		}
		Map<String, Quantity> limits = container.getResources().getLimits();
		if (limits == null) {
			limits = new LinkedHashMap<>();
			container.getResources().setLimits(limits);
		}
		Quantity current = limits.get(resource);
		Quantity next;
		if (context.optional(absolute).isPresent()) {
			next = new Quantity(context.require(absolute));
			if (current != null && Quantities.amount(next).compareTo(Quantities.amount(current)) < 0) {
				throw new IllegalArgumentException(
						absolute + " " + next + " is below the current " + resource + " limit " + current
								+ " of container " + container.getName() + "; " + NAME + " never lowers a limit");
			}
		}
		else {
			if (current == null) {
				throw new IllegalArgumentException("Container " + container.getName() + " has no " + resource
						+ " limit to multiply by " + factor + "; give " + absolute + " instead");
			}
			BigDecimal by = new BigDecimal(context.require(factor));
			next = "memory".equals(resource) ? Quantities.multiplyMemory(current, by)
					: Quantities.multiplyCpu(current, by);
		}
		limits.put(resource, next);
		changed.put(resource + "Limit", ((current != null) ? current.toString() : "(none)") + " -> " + next);
		if (requestsToLimits) {
			Map<String, Quantity> requests = container.getResources().getRequests();
			if (requests == null) {
				requests = new LinkedHashMap<>();
				container.getResources().setRequests(requests);
			}
			Quantity request = requests.get(resource);
			if (request == null || Quantities.amount(request).compareTo(Quantities.amount(next)) != 0) {
				requests.put(resource, next);
				changed.put(resource + "Request", ((request != null) ? request.toString() : "(none)") + " -> " + next);
			}
		}
	}

}
