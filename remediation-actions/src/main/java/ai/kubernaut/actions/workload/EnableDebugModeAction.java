package ai.kubernaut.actions.workload;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;

import ai.kubernaut.actions.ActionContext;
import ai.kubernaut.actions.ActionParameter;
import ai.kubernaut.actions.mutation.MutationResult;
import ai.kubernaut.actions.mutation.ObjectMutator;

/**
 * {@code enable_debug_mode}: turns on verbose logging in the target's pod template, by
 * setting an environment variable ({@code ENV_NAME}, default {@code LOG_LEVEL}, to
 * {@code ENV_VALUE}, default {@code debug}) or, when {@code ARGS} is given, by appending
 * those arguments (those already present are not repeated). Acts on {@code CONTAINER}, or
 * on the first container: the application, where sidecars come after it. The change rolls
 * the pods; the snapshot rolls them back.
 */
public final class EnableDebugModeAction extends WorkloadAction {

	public static final String NAME = "enable_debug_mode";

	static final String CONTAINER = "CONTAINER";

	static final String ENV_NAME = "ENV_NAME";

	static final String ENV_VALUE = "ENV_VALUE";

	static final String ARGS = "ARGS";

	public EnableDebugModeAction(ObjectMutator mutator) {
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
				ActionParameter.optional(CONTAINER, "The container; the first one when absent"),
				ActionParameter.optional(ENV_NAME, "Environment variable to set; default LOG_LEVEL"),
				ActionParameter.optional(ENV_VALUE, "Its value; default debug"),
				ActionParameter.optional(ARGS, "Arguments to append instead, a list or space-separated text"));
	}

	@Override
	public List<String> validate(Map<String, Object> parameters) {
		List<String> problems = new ArrayList<>(
				Checks.problems(Target.checkKind(parameters.get(Target.KIND), NAME, PodTemplates.KINDS)));
		Object name = parameters.get(ENV_NAME);
		if (Checks.literal(name) && !name.toString().trim().matches("[-._a-zA-Z][-._a-zA-Z0-9]*")) {
			problems.add(ENV_NAME + " must be an environment variable name such as LOG_LEVEL, got \"" + name + "\"");
		}
		if (Checks.present(parameters, ARGS)
				&& (Checks.present(parameters, ENV_NAME) || Checks.present(parameters, ENV_VALUE))) {
			problems.add("Give either " + ARGS + " or " + ENV_NAME + "/" + ENV_VALUE + ", not both");
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
		List<String> args = args(context.parameters().get(ARGS));
		String envName = context.optional(ENV_NAME).orElse("LOG_LEVEL");
		String envValue = context.optional(ENV_VALUE).orElse("debug");
		String[] container = new String[1];
		MutationResult result = writeWorkload(context, dryRun, target, (workload) -> {
			Container c = context.optional(CONTAINER)
				.map((name) -> PodTemplates.containers(workload, name).get(0))
				.orElseGet(() -> PodTemplates.of(workload).getSpec().getContainers().get(0));
			container[0] = c.getName();
			if (!args.isEmpty()) {
				List<String> current = new ArrayList<>((c.getArgs() != null) ? c.getArgs() : List.of());
				args.stream().filter((arg) -> !current.contains(arg)).forEach(current::add);
				c.setArgs(current);
			}
			else {
				// Keep the variable where it was, so the diff shows one changed value.
				List<EnvVar> ordered = new ArrayList<>();
				boolean placed = false;
				for (EnvVar var : (c.getEnv() != null) ? c.getEnv() : List.<EnvVar>of()) {
					if (envName.equals(var.getName())) {
						ordered.add(new EnvVar(envName, envValue, null));
						placed = true;
					}
					else {
						ordered.add(var);
					}
				}
				if (!placed) {
					ordered.add(new EnvVar(envName, envValue, null));
				}
				c.setEnv(ordered);
			}
			return workload;
		});
		Map<String, Object> output = result.toOutput();
		if (container[0] != null) {
			output.put("container", container[0]);
		}
		return output;
	}

	static List<String> args(Object value) {
		if (value == null) {
			return List.of();
		}
		if (value instanceof List<?> list) {
			return list.stream().map(String::valueOf).filter((arg) -> !arg.isBlank()).toList();
		}
		return Arrays.stream(value.toString().trim().split("\\s+")).filter((arg) -> !arg.isBlank()).toList();
	}

}
