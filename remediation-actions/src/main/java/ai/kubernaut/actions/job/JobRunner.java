package ai.kubernaut.actions.job;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;

import ai.kubernaut.actions.mutation.Guardrails;
import ai.kubernaut.actions.mutation.ObjectMutator;
import ai.kubernaut.actions.observe.Durations;
import ai.kubernaut.actions.observe.Poller;
import ai.kubernaut.actions.observe.TargetRef;

/**
 * Runs work as a Kubernetes Job the way Kubernaut's {@code engine: job} does, and waits
 * for its end.
 * <ul>
 * <li>The Job is named {@code wfe-} + the first 16 hex digits of sha256 of the target
 * ({@code <ns>/<Kind>/<name>}), in the configured execution namespace. The name is the
 * lock: while one Job runs for a target, another step finds it and fails
 * {@code ResourceBusy}. A finished Job of another step is deleted and replaced; a Job of
 * this very step (a re-driven attempt after a crash) is adopted, never started
 * twice.</li>
 * <li>One container named {@code workflow}, env = the parameters +
 * {@code TARGET_RESOURCE}, {@code backoffLimit: 0} (a bundle is not retried blindly),
 * {@code restartPolicy: Never}, {@code ttlSecondsAfterFinished} and
 * {@code activeDeadlineSeconds} from settings or the step.</li>
 * <li>Failures are mapped to Kubernaut's reasons: {@code DeadlineExceeded},
 * {@code OOMKilled}, {@code TaskFailed} (exit code and message of the container),
 * {@code ImagePullBackOff} and {@code ConfigurationError} (found on the pod while the Job
 * is still active: the Job is deleted at once, releasing the lock, since it would never
 * start).</li>
 * </ul>
 * The target's scope is checked by the guard rails before anything is created.
 */
public final class JobRunner {

	public static final String EXECUTION_LABEL = "kubernaut.ai/workflow-execution";

	public static final String WORKFLOW_LABEL = "kubernaut.ai/workflow-id";

	public static final String TARGET_LABEL = "kubernaut.ai/target-resource";

	public static final String ENGINE_LABEL = "kubernaut.ai/execution-engine";

	public static final String TARGET_ANNOTATION = "kubernaut.ai/target-resource";

	public static final String CONTAINER = "workflow";

	/** The Job controller needs a moment after the deadline to record the failure. */
	static final Duration RESULT_GRACE = Duration.ofMinutes(2);

	private static final Set<String> IMAGE_PULL_REASONS = Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName",
			"ErrImageNeverPull");

	private static final Set<String> CONFIGURATION_REASONS = Set.of("CreateContainerConfigError",
			"CreateContainerError");

	private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private static final Pattern LABEL_UNSAFE = Pattern.compile("[^A-Za-z0-9_.-]");

	private static final int LOG_LINES = 50;

	private static final int LOG_BYTES = 8 * 1024;

	private static final ObjectMapper JSON = new ObjectMapper();

	private final KubernetesClient client;

	private final Guardrails guardrails;

	private final JobSettings settings;

	private final Poller poller;

	public JobRunner(KubernetesClient client, Guardrails guardrails, JobSettings settings, Poller poller) {
		this.client = client;
		this.guardrails = guardrails;
		this.settings = settings;
		this.poller = poller;
	}

	public JobSettings settings() {
		return this.settings;
	}

	/**
	 * {@code wfe-} + the first 16 hex digits of sha256({@code targetResource}), as
	 * Kubernaut names its execution resources.
	 */
	public static String jobName(String targetResource) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(targetResource.getBytes(StandardCharsets.UTF_8));
			return "wfe-" + HexFormat.of().formatHex(digest).substring(0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Runs a catalog workflow with {@code execution.engine: job}: only its declared
	 * parameters are passed, plus {@code TARGET_RESOURCE}.
	 * @param stamp {@code <executionId>/<stepId>} (or {@code <executionId>/workflow})
	 * @param deadline what is left of the execution's time; the configured default when
	 * {@code null}
	 */
	public Map<String, Object> run(JobWorkflow workflow, Map<String, Object> parameters, TargetRef target, String stamp,
			Duration deadline) {
		Map<String, Object> declared = new LinkedHashMap<>();
		for (String name : workflow.declaredParameters()) {
			if (parameters.get(name) != null) {
				declared.put(name, parameters.get(name));
			}
		}
		return run(new JobRequest(workflow.bundle(), target, environment(declared, Set.of()), stamp,
				(deadline != null) ? deadline : this.settings.defaultDeadline(), workflow.workflowId(),
				workflow.serviceAccountName()));
	}

	/**
	 * Creates (or adopts) the Job and waits for its end.
	 * @return the step output: {@code job}, {@code target}, {@code image},
	 * {@code succeeded}, {@code logTail}
	 * @throws JobFailedException when it does not succeed, with the reason
	 */
	public Map<String, Object> run(JobRequest request) {
		checkScope(request.target());
		String name = jobName(request.target().kubernautForm());
		Resource<Job> resource = this.client.batch().v1().jobs().inNamespace(this.settings.namespace()).withName(name);
		boolean adopted = start(request, name, resource);
		Duration wait = request.deadline().plus(RESULT_GRACE);
		Optional<Job> finished = this.poller.until(wait, () -> {
			Job job = resource.get();
			if (job == null) {
				throw new JobFailedException("Unknown", "Job " + describe(name) + " disappeared before it finished",
						true);
			}
			if (condition(job, "Complete") || condition(job, "Failed")) {
				return Optional.of(job);
			}
			failIfCannotStart(name, resource);
			return Optional.empty();
		});
		if (finished.isEmpty()) {
			throw new JobFailedException("DeadlineExceeded", "Job " + describe(name) + " did not finish within "
					+ Durations.format(wait) + " (deadline plus grace); the Job controller recorded no result", true);
		}
		Job job = finished.get();
		Optional<Pod> pod = pod(name);
		if (condition(job, "Failed")) {
			throw failure(name, job, pod.orElse(null), request.deadline());
		}
		Map<String, Object> output = new LinkedHashMap<>();
		output.put("job", describe(name));
		output.put("target", request.target().kubernautForm());
		output.put("image", request.image());
		output.put("succeeded", true);
		output.put("adopted", adopted);
		pod.ifPresent((found) -> output.put("logTail", logTail(found)));
		output.put("rollback", null);
		return output;
	}

	/**
	 * The Job as it would be created, sent with {@code dryRun=All}: the API server checks
	 * it (RBAC, quota, admission) and stores nothing.
	 */
	public Map<String, Object> preview(JobRequest request) {
		checkScope(request.target());
		String name = jobName(request.target().kubernautForm());
		Job job = job(request, name);
		this.guardrails.write("dry-run create Job " + describe(name),
				() -> this.client.batch()
					.v1()
					.jobs()
					.inNamespace(this.settings.namespace())
					.resource(job)
					.dryRun()
					.create());
		Job existing = this.client.batch().v1().jobs().inNamespace(this.settings.namespace()).withName(name).get();
		Map<String, Object> output = new LinkedHashMap<>();
		output.put("dryRun", true);
		output.put("job", describe(name));
		output.put("image", request.image());
		output.put("env", new TreeMap<>(request.env()));
		output.put("activeDeadlineSeconds", request.deadline().toSeconds());
		if (existing != null && !finished(existing) && !ours(existing, request.stamp())) {
			output.put("busy", "Job " + describe(name) + " is running for this target now");
		}
		output.put("changes", List.of("would create Job " + describe(name) + " running " + request.image()));
		return output;
	}

	/**
	 * The parameters as env vars: names that are valid variable names, values as text
	 * (lists and maps as JSON).
	 */
	public static Map<String, String> environment(Map<String, Object> parameters, Set<String> excluded) {
		Map<String, String> env = new TreeMap<>();
		parameters.forEach((name, value) -> {
			if (value != null && ENV_NAME.matcher(name).matches() && !excluded.contains(name)
					&& !"TARGET_RESOURCE".equals(name)) {
				env.put(name, text(value));
			}
		});
		return env;
	}

	private void checkScope(TargetRef target) {
		if (target.namespace() != null) {
			this.guardrails.checkScope(target.namespace());
			return;
		}
		if ("node".equalsIgnoreCase(target.kind())) {
			Node node = this.client.nodes().withName(target.name()).get();
			if (node == null) {
				throw new IllegalStateException(target + " does not exist");
			}
			this.guardrails.checkClusterScoped(node);
		}
	}

	/**
	 * @return whether an existing Job of this step was adopted
	 */
	private boolean start(JobRequest request, String name, Resource<Job> resource) {
		for (int attempt = 1; attempt <= 3; attempt++) {
			Job existing = resource.get();
			if (existing != null) {
				if (ours(existing, request.stamp())) {
					return true;
				}
				if (!finished(existing)) {
					throw new JobFailedException("ResourceBusy",
							"Job " + describe(name) + " is already running for " + request.target().kubernautForm()
									+ " (started by " + stampOf(existing) + "); one Job per target at a time",
							false);
				}
				// A finished Job of another run only keeps the lock until its TTL: the
				// target is free, so replace it.
				this.guardrails.write("delete finished Job " + describe(name),
						() -> resource
							.withPropagationPolicy(io.fabric8.kubernetes.api.model.DeletionPropagation.BACKGROUND)
							.delete());
				this.poller.until(Duration.ofSeconds(30),
						() -> (resource.get() == null) ? Optional.of(true) : Optional.empty());
			}
			Job job = job(request, name);
			try {
				this.guardrails.write("create Job " + describe(name),
						() -> this.client.batch()
							.v1()
							.jobs()
							.inNamespace(this.settings.namespace())
							.resource(job)
							.create());
				return false;
			}
			catch (KubernetesClientException ex) {
				if (ex.getCode() != 409) {
					throw ex;
				}
				// Another step created it between the read and the create: decide again.
			}
		}
		throw new JobFailedException("ResourceBusy", "Job " + describe(name) + " keeps being created by others", false);
	}

	private Job job(JobRequest request, String name) {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put(EXECUTION_LABEL, name);
		labels.put(ENGINE_LABEL, "job");
		labels.put(TARGET_LABEL, labelValue(request.target().kubernautForm()));
		if (request.workflowId() != null) {
			labels.put(WORKFLOW_LABEL, labelValue(request.workflowId()));
		}
		List<EnvVar> env = new ArrayList<>();
		env.add(new EnvVar("TARGET_RESOURCE", request.target().kubernautForm(), null));
		request.env().forEach((key, value) -> env.add(new EnvVar(key, value, null)));
		String serviceAccount = (request.serviceAccountName() != null) ? request.serviceAccountName()
				: this.settings.serviceAccountName();
		return new JobBuilder().withNewMetadata()
			.withName(name)
			.withNamespace(this.settings.namespace())
			.withLabels(labels)
			.withAnnotations(Map.of(TARGET_ANNOTATION, request.target().kubernautForm(), ObjectMutator.STEP_ANNOTATION,
					request.stamp()))
			.endMetadata()
			.withNewSpec()
			.withBackoffLimit(0)
			.withTtlSecondsAfterFinished((int) this.settings.ttlAfterFinished().toSeconds())
			.withActiveDeadlineSeconds(Math.max(1, request.deadline().toSeconds()))
			.withNewTemplate()
			.withNewMetadata()
			.withLabels(labels)
			.endMetadata()
			.withNewSpec()
			.withRestartPolicy("Never")
			.withServiceAccountName(serviceAccount)
			.addNewContainer()
			.withName(CONTAINER)
			.withImage(request.image())
			.withEnv(env)
			.endContainer()
			.endSpec()
			.endTemplate()
			.endSpec()
			.build();
	}

	/**
	 * An image that cannot be pulled, or a container that cannot be configured (a missing
	 * Secret, say), never starts: fail now instead of at the deadline, and delete the Job
	 * so the target's lock is released for a corrected retry.
	 */
	private void failIfCannotStart(String name, Resource<Job> resource) {
		Optional<Pod> pod = pod(name);
		if (pod.isEmpty() || pod.get().getStatus() == null || pod.get().getStatus().getContainerStatuses() == null) {
			return;
		}
		for (ContainerStatus status : pod.get().getStatus().getContainerStatuses()) {
			if (status.getState() == null || status.getState().getWaiting() == null) {
				continue;
			}
			String reason = status.getState().getWaiting().getReason();
			String message = status.getState().getWaiting().getMessage();
			String kubernautReason = IMAGE_PULL_REASONS.contains(reason) ? "ImagePullBackOff"
					: CONFIGURATION_REASONS.contains(reason) ? "ConfigurationError" : null;
			if (kubernautReason != null) {
				this.guardrails.write("delete Job " + describe(name) + " that cannot start",
						() -> resource
							.withPropagationPolicy(io.fabric8.kubernetes.api.model.DeletionPropagation.BACKGROUND)
							.delete());
				throw new JobFailedException(kubernautReason,
						"Job " + describe(name) + " cannot start: container " + status.getName() + " is " + reason
								+ ((message != null) ? " (" + message + ")" : "") + "; the Job was deleted",
						false);
			}
		}
	}

	private JobFailedException failure(String name, Job job, Pod pod, Duration deadline) {
		JobCondition failed = job.getStatus()
			.getConditions()
			.stream()
			.filter((condition) -> "Failed".equals(condition.getType()) && "True".equals(condition.getStatus()))
			.findFirst()
			.orElseThrow();
		if ("DeadlineExceeded".equals(failed.getReason())) {
			return new JobFailedException("DeadlineExceeded",
					"Job " + describe(name) + " ran longer than its deadline of " + Durations.format(deadline)
							+ " (activeDeadlineSeconds) and was stopped",
					true);
		}
		ContainerStatus container = terminated(pod);
		if (container != null) {
			var terminated = container.getState().getTerminated();
			String reason = "OOMKilled".equals(terminated.getReason()) ? "OOMKilled" : "TaskFailed";
			String message = "Job " + describe(name) + " failed: container " + container.getName()
					+ " exited with code " + terminated.getExitCode()
					+ ((terminated.getReason() != null) ? " (" + terminated.getReason() + ")" : "")
					+ ((terminated.getMessage() != null) ? ": " + terminated.getMessage().strip() : "");
			return new JobFailedException(reason, message, true);
		}
		return new JobFailedException("BackoffLimitExceeded".equals(failed.getReason()) ? "TaskFailed" : "Unknown",
				"Job " + describe(name) + " failed: " + failed.getReason()
						+ ((failed.getMessage() != null) ? " (" + failed.getMessage() + ")" : ""),
				true);
	}

	private static ContainerStatus terminated(Pod pod) {
		if (pod == null || pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
			return null;
		}
		return pod.getStatus()
			.getContainerStatuses()
			.stream()
			.filter((status) -> status.getState() != null && status.getState().getTerminated() != null)
			.findFirst()
			.orElse(null);
	}

	private Optional<Pod> pod(String name) {
		return this.client.pods()
			.inNamespace(this.settings.namespace())
			.withLabel("job-name", name)
			.list()
			.getItems()
			.stream()
			.findFirst();
	}

	private String logTail(Pod pod) {
		try {
			String log = this.client.pods()
				.inNamespace(pod.getMetadata().getNamespace())
				.withName(pod.getMetadata().getName())
				.inContainer(CONTAINER)
				.limitBytes(LOG_BYTES)
				.tailingLines(LOG_LINES)
				.getLog();
			return (log != null) ? log : "";
		}
		catch (KubernetesClientException ex) {
			return "<log not available: " + ex.getMessage() + ">";
		}
	}

	private static boolean finished(Job job) {
		return condition(job, "Complete") || condition(job, "Failed");
	}

	private static boolean condition(Job job, String type) {
		return job.getStatus() != null && job.getStatus().getConditions() != null
				&& job.getStatus()
					.getConditions()
					.stream()
					.anyMatch((condition) -> type.equals(condition.getType()) && "True".equals(condition.getStatus()));
	}

	private static boolean ours(Job job, String stamp) {
		return stamp.equals(stampOf(job));
	}

	private static String stampOf(Job job) {
		Map<String, String> annotations = job.getMetadata().getAnnotations();
		return (annotations != null) ? annotations.get(ObjectMutator.STEP_ANNOTATION) : null;
	}

	private String describe(String name) {
		return this.settings.namespace() + "/" + name;
	}

	/**
	 * Label values allow 63 characters of {@code [A-Za-z0-9_.-]}, starting and ending
	 * alphanumeric; the raw value is kept in an annotation.
	 */
	static String labelValue(String value) {
		String safe = LABEL_UNSAFE.matcher(value).replaceAll("_");
		if (safe.length() > 63) {
			safe = safe.substring(0, 63);
		}
		return safe.replaceAll("^[^A-Za-z0-9]+", "").replaceAll("[^A-Za-z0-9]+$", "");
	}

	private static String text(Object value) {
		if (value instanceof Map<?, ?> || value instanceof List<?>) {
			try {
				return JSON.writeValueAsString(value);
			}
			catch (JsonProcessingException ex) {
				throw new IllegalArgumentException(ex);
			}
		}
		return value.toString();
	}

}
