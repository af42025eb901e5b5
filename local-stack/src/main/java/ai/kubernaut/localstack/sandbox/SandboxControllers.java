package ai.kubernaut.localstack.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in for the controllers a real cluster runs, for the sandbox Kubernetes API
 * only. The sandbox stores objects but nothing reconciles them, so a workflow waiting for
 * a rollout or a Job would wait forever. This simulation watches the sandbox and,
 * {@code delay} after a change, writes the status a healthy cluster would reach:
 * <ul>
 * <li>Deployments: {@code observedGeneration}, all replicas updated, ready and available,
 * conditions {@code Available} and {@code Progressing}
 * ({@code NewReplicaSetAvailable});</li>
 * <li>StatefulSets: the same counts, and {@code currentRevision = updateRevision};</li>
 * <li>Jobs: {@code succeeded = completions}, conditions {@code SuccessCriteriaMet} and
 * {@code Complete}.</li>
 * </ul>
 * Every rollout succeeds and every Job completes: failures are tested by setting a status
 * explicitly. It never runs against a real cluster: the local stack starts it only for
 * its own sandbox, and the services know nothing of it.
 */
public final class SandboxControllers implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(SandboxControllers.class);

	private static final long RESYNC_MILLIS = 30_000;

	private final KubernetesClient client;

	private final Duration delay;

	private final Clock clock;

	private final ScheduledExecutorService scheduler;

	private final Set<String> scheduled = ConcurrentHashMap.newKeySet();

	private final List<SharedIndexInformer<?>> informers = new ArrayList<>();

	private SandboxControllers(KubernetesClient client, Duration delay, Clock clock) {
		this.client = client;
		this.delay = delay;
		this.clock = clock;
		this.scheduler = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("sandbox-controllers").factory());
	}

	/**
	 * Starts watching {@code client}'s sandbox; each rollout or Job completes
	 * {@code delay} after the change that started it.
	 */
	public static SandboxControllers start(KubernetesClient client, Duration delay, Clock clock) {
		SandboxControllers controllers = new SandboxControllers(client, delay, clock);
		controllers.informers
			.add(client.apps().deployments().inAnyNamespace().inform(controllers.handler("Deployment"), RESYNC_MILLIS));
		controllers.informers.add(client.apps()
			.statefulSets()
			.inAnyNamespace()
			.inform(controllers.handler("StatefulSet"), RESYNC_MILLIS));
		controllers.informers
			.add(client.batch().v1().jobs().inAnyNamespace().inform(controllers.handler("Job"), RESYNC_MILLIS));
		log.info("Sandbox controllers simulate rollouts and Jobs (completing {} after each change)", delay);
		return controllers;
	}

	private <T extends HasMetadata> ResourceEventHandler<T> handler(String kind) {
		return new ResourceEventHandler<>() {

			@Override
			public void onAdd(T object) {
				schedule(kind, object);
			}

			@Override
			public void onUpdate(T before, T after) {
				schedule(kind, after);
			}

			@Override
			public void onDelete(T object, boolean unknownFinalState) {
			}

		};
	}

	private void schedule(String kind, HasMetadata object) {
		if (!needsStatus(object)) {
			return;
		}
		String namespace = object.getMetadata().getNamespace();
		String name = object.getMetadata().getName();
		String key = kind + "/" + namespace + "/" + name;
		if (this.scheduled.add(key) && !this.scheduler.isShutdown()) {
			this.scheduler.schedule(() -> {
				this.scheduled.remove(key);
				reconcile(kind, namespace, name);
			}, this.delay.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private void reconcile(String kind, String namespace, String name) {
		try {
			switch (kind) {
				case "Deployment" -> {
					Deployment deployment = this.client.apps()
						.deployments()
						.inNamespace(namespace)
						.withName(name)
						.get();
					if (deployment != null && needsStatus(deployment)) {
						deployment.setStatus(rolledOut(deployment));
						this.client.apps().deployments().inNamespace(namespace).resource(deployment).updateStatus();
						log.debug("Sandbox rolled out Deployment {}/{}", namespace, name);
					}
				}
				case "StatefulSet" -> {
					StatefulSet statefulSet = this.client.apps()
						.statefulSets()
						.inNamespace(namespace)
						.withName(name)
						.get();
					if (statefulSet != null && needsStatus(statefulSet)) {
						statefulSet.setStatus(rolledOut(statefulSet));
						this.client.apps().statefulSets().inNamespace(namespace).resource(statefulSet).updateStatus();
						log.debug("Sandbox rolled out StatefulSet {}/{}", namespace, name);
					}
				}
				case "Job" -> {
					Job job = this.client.batch().v1().jobs().inNamespace(namespace).withName(name).get();
					if (job != null && needsStatus(job)) {
						job.setStatus(completed(job));
						this.client.batch().v1().jobs().inNamespace(namespace).resource(job).updateStatus();
						log.debug("Sandbox completed Job {}/{}", namespace, name);
					}
				}
				default -> throw new IllegalArgumentException(kind);
			}
		}
		catch (KubernetesClientException ex) {
			// A concurrent write (a 409) or a deleted object: the informer reports the
			// new state, which is reconciled again.
			log.debug("Sandbox could not update {} {}/{}: {}", kind, namespace, name, ex.getMessage());
		}
	}

	boolean needsStatus(HasMetadata object) {
		return switch (object) {
			case Deployment deployment -> !Objects.equals(rolledOut(deployment), deployment.getStatus());
			case StatefulSet statefulSet -> !Objects.equals(rolledOut(statefulSet), statefulSet.getStatus());
			case Job job -> !finished(job);
			default -> false;
		};
	}

	DeploymentStatus rolledOut(Deployment deployment) {
		int replicas = replicas(deployment.getSpec().getReplicas());
		DeploymentStatus current = deployment.getStatus();
		return new DeploymentStatusBuilder().withObservedGeneration(deployment.getMetadata().getGeneration())
			.withReplicas(replicas)
			.withUpdatedReplicas(replicas)
			.withReadyReplicas(replicas)
			.withAvailableReplicas(replicas)
			.withUnavailableReplicas(0)
			.withConditions(
					deploymentCondition(current, "Available", "MinimumReplicasAvailable",
							"Deployment has minimum availability."),
					deploymentCondition(current, "Progressing", "NewReplicaSetAvailable",
							"ReplicaSet \"" + deployment.getMetadata().getName() + "-"
									+ templateHash(deployment.getSpec().getTemplate())
									+ "\" has successfully progressed."))
			.build();
	}

	private DeploymentCondition deploymentCondition(DeploymentStatus current, String type, String reason,
			String message) {
		if (current != null && current.getConditions() != null) {
			for (DeploymentCondition condition : current.getConditions()) {
				if (type.equals(condition.getType()) && "True".equals(condition.getStatus())
						&& reason.equals(condition.getReason()) && message.equals(condition.getMessage())) {
					return condition;
				}
			}
		}
		String now = this.clock.instant().toString();
		return new DeploymentConditionBuilder().withType(type)
			.withStatus("True")
			.withReason(reason)
			.withMessage(message)
			.withLastUpdateTime(now)
			.withLastTransitionTime(now)
			.build();
	}

	StatefulSetStatus rolledOut(StatefulSet statefulSet) {
		int replicas = replicas(statefulSet.getSpec().getReplicas());
		String revision = statefulSet.getMetadata().getName() + "-" + templateHash(statefulSet.getSpec().getTemplate());
		return new StatefulSetStatusBuilder().withObservedGeneration(statefulSet.getMetadata().getGeneration())
			.withReplicas(replicas)
			.withCurrentReplicas(replicas)
			.withUpdatedReplicas(replicas)
			.withReadyReplicas(replicas)
			.withAvailableReplicas(replicas)
			.withCurrentRevision(revision)
			.withUpdateRevision(revision)
			.withCollisionCount((statefulSet.getStatus() != null) ? statefulSet.getStatus().getCollisionCount() : null)
			.build();
	}

	private JobStatus completed(Job job) {
		int completions = replicas(job.getSpec().getCompletions());
		String now = this.clock.instant().toString();
		String started = (job.getStatus() != null && job.getStatus().getStartTime() != null)
				? job.getStatus().getStartTime() : now;
		return new JobStatusBuilder().withStartTime(started)
			.withCompletionTime(now)
			.withSucceeded(completions)
			.withActive(0)
			.withFailed(0)
			.withReady(0)
			.withConditions(jobCondition("SuccessCriteriaMet", "CompletionsReached", now),
					jobCondition("Complete", "CompletionsReached", now))
			.build();
	}

	private static JobCondition jobCondition(String type, String reason, String now) {
		return new JobConditionBuilder().withType(type)
			.withStatus("True")
			.withReason(reason)
			.withMessage("Reached expected number of succeeded pods")
			.withLastProbeTime(now)
			.withLastTransitionTime(now)
			.build();
	}

	private static boolean finished(Job job) {
		JobStatus status = job.getStatus();
		if (status == null || status.getConditions() == null) {
			return false;
		}
		return status.getConditions()
			.stream()
			.anyMatch((condition) -> ("Complete".equals(condition.getType()) || "Failed".equals(condition.getType()))
					&& "True".equals(condition.getStatus()));
	}

	private static int replicas(Integer replicas) {
		return (replicas != null) ? replicas : 1;
	}

	/**
	 * A stable hash of the pod template, standing in for the {@code pod-template-hash}
	 * and controller revision a real cluster derives from it.
	 */
	String templateHash(PodTemplateSpec template) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(this.client.getKubernetesSerialization().asJson(template).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 5);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.informers.forEach(SharedIndexInformer::close);
		this.scheduler.shutdownNow();
	}

}
