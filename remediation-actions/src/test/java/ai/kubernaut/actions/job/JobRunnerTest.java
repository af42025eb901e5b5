package ai.kubernaut.actions.job;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.kubernaut.actions.ActionContext;
import ai.kubernaut.actions.ActionSkippedException;
import ai.kubernaut.actions.MockCluster;
import ai.kubernaut.actions.mutation.ObjectMutator;
import ai.kubernaut.actions.observe.Poller;
import ai.kubernaut.actions.observe.TargetRef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@SuppressWarnings("unchecked")
class JobRunnerTest {

	private static MockCluster cluster;

	private String executionNamespace;

	private String targetNamespace;

	private JobRunner runner;

	@BeforeAll
	static void start() {
		cluster = MockCluster.start();
	}

	@AfterAll
	static void stop() {
		cluster.close();
	}

	@BeforeEach
	void namespaces() {
		this.executionNamespace = "wf-" + UUID.randomUUID().toString().substring(0, 8);
		this.targetNamespace = cluster.managedNamespace("target");
		this.runner = runner(Map.of());
	}

	@Test
	void theJobNameIsWfePlusSixteenHexOfTheTargetsSha256() {
		assertThat(JobRunner.jobName("demo/Deployment/web")).isEqualTo("wfe-0c032b50ad743a6b");
	}

	@Test
	void createsTheJobAsKubernautDoesAndSucceedsWhenItCompletes() {
		ActionContext context = context(
				Map.of("IMAGE", "registry.example/backup:1", "PATHS", List.of("/var/log"), "TIMEOUT", "10m"));
		RunJobAction action = new RunJobAction(this.runner);
		CompletableFuture<Map<String, Object>> run = CompletableFuture.supplyAsync(() -> action.execute(context));

		Job job = awaitJob();
		assertThat(job.getSpec().getBackoffLimit()).isZero();
		assertThat(job.getSpec().getTtlSecondsAfterFinished()).isEqualTo(600);
		assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(600L);
		assertThat(job.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
		assertThat(job.getMetadata().getLabels()).containsEntry(JobRunner.ENGINE_LABEL, "job")
			.containsEntry(JobRunner.TARGET_LABEL, this.targetNamespace + "_Deployment_web");
		assertThat(job.getMetadata().getAnnotations()).containsEntry(ObjectMutator.STEP_ANNOTATION,
				context.remediationId() + "/job");
		var container = job.getSpec().getTemplate().getSpec().getContainers().get(0);
		assertThat(container.getName()).isEqualTo("workflow");
		assertThat(container.getImage()).isEqualTo("registry.example/backup:1");
		assertThat(container.getEnv()).extracting(EnvVar::getName, EnvVar::getValue)
			.contains(org.assertj.core.groups.Tuple.tuple("TARGET_RESOURCE", this.targetNamespace + "/Deployment/web"),
					org.assertj.core.groups.Tuple.tuple("PATHS", "[\"/var/log\"]"),
					org.assertj.core.groups.Tuple.tuple("TARGET_RESOURCE_NAME", "web"))
			.extracting((tuple) -> tuple.toArray()[0])
			.doesNotContain("IMAGE", "TIMEOUT");
		assertThat(run).isNotDone();

		finish(job.getMetadata().getName(), "Complete", null);

		assertThat(run.join()).containsEntry("succeeded", true)
			.containsEntry("job", this.executionNamespace + "/" + job.getMetadata().getName());
	}

	@Test
	void aJobRunningForTheSameTargetMakesTheStepFailResourceBusy() {
		cluster.create(job("other-execution/step", null));
		cluster.requests();

		assertThatThrownBy(() -> new RunJobAction(this.runner).execute(context(Map.of("IMAGE", "img:1"))))
			.isInstanceOf(JobFailedException.class)
			.hasMessageContaining("is already running for " + this.targetNamespace + "/Deployment/web")
			.hasMessageContaining("other-execution/step")
			.extracting((ex) -> ((JobFailedException) ex).reason())
			.isEqualTo("ResourceBusy");
		assertThat(cluster.writes()).isEmpty();
	}

	@Test
	void aReDrivenStepAdoptsItsOwnJobInsteadOfStartingAnother() {
		ActionContext context = context(Map.of("IMAGE", "img:1"));
		cluster.create(job(context.remediationId() + "/job", "Complete"));
		cluster.requests();

		Map<String, Object> output = new RunJobAction(this.runner).execute(context);

		assertThat(output).containsEntry("adopted", true).containsEntry("succeeded", true);
		assertThat(cluster.writes()).isEmpty();
	}

	@Test
	void aFinishedJobOfAnotherRunIsReplaced() {
		cluster.create(job("old-execution/step", "Complete"));
		ActionContext context = context(Map.of("IMAGE", "img:2"));
		CompletableFuture<Map<String, Object>> run = CompletableFuture
			.supplyAsync(() -> new RunJobAction(this.runner).execute(context));

		await().atMost(Duration.ofSeconds(10)).until(() -> {
			Job current = readJob();
			return current != null && image(current).equals("img:2") && current.getStatus() == null;
		});
		finish(readJob().getMetadata().getName(), "Complete", null);

		assertThat(run.join()).containsEntry("adopted", false);
	}

	@Test
	void anImageThatCannotBePulledFailsAtOnceAndReleasesTheLock() {
		CompletableFuture<Map<String, Object>> run = CompletableFuture
			.supplyAsync(() -> new RunJobAction(this.runner).execute(context(Map.of("IMAGE", "nope:404"))));
		String name = awaitJob().getMetadata().getName();

		cluster.create(new PodBuilder().withNewMetadata()
			.withName(name + "-x1")
			.withNamespace(this.executionNamespace)
			.addToLabels("job-name", name)
			.endMetadata()
			.withNewSpec()
			.addNewContainer()
			.withName("workflow")
			.withImage("nope:404")
			.endContainer()
			.endSpec()
			.withNewStatus()
			.withContainerStatuses(new ContainerStatusBuilder().withName("workflow")
				.withNewState()
				.withNewWaiting()
				.withReason("ImagePullBackOff")
				.withMessage("Back-off pulling image \"nope:404\"")
				.endWaiting()
				.endState()
				.build())
			.endStatus()
			.build());

		assertThatThrownBy(run::join).isInstanceOf(CompletionException.class)
			.cause()
			.isInstanceOf(JobFailedException.class)
			.hasMessageContaining("cannot start: container workflow is ImagePullBackOff (Back-off pulling image")
			.extracting((ex) -> ((JobFailedException) ex).reason())
			.isEqualTo("ImagePullBackOff");
		assertThat(readJob()).isNull();
	}

	@Test
	void aFailedBundleReportsItsExitCodeAndMessage() {
		CompletableFuture<Map<String, Object>> run = CompletableFuture
			.supplyAsync(() -> new RunJobAction(this.runner).execute(context(Map.of("IMAGE", "img:1"))));
		String name = awaitJob().getMetadata().getName();
		cluster.create(new PodBuilder().withNewMetadata()
			.withName(name + "-x1")
			.withNamespace(this.executionNamespace)
			.addToLabels("job-name", name)
			.endMetadata()
			.withNewSpec()
			.addNewContainer()
			.withName("workflow")
			.withImage("img:1")
			.endContainer()
			.endSpec()
			.withNewStatus()
			.withContainerStatuses(new ContainerStatusBuilder().withName("workflow")
				.withNewState()
				.withNewTerminated()
				.withExitCode(3)
				.withReason("Error")
				.withMessage("backup target unreachable\n")
				.endTerminated()
				.endState()
				.build())
			.endStatus()
			.build());

		finish(name, "Failed", "BackoffLimitExceeded");

		assertThatThrownBy(run::join).cause()
			.isInstanceOf(JobFailedException.class)
			.hasMessageEndingWith("failed: container workflow exited with code 3 (Error): backup target unreachable")
			.extracting((ex) -> ((JobFailedException) ex).reason())
			.isEqualTo("TaskFailed");
	}

	@Test
	void aJobStoppedAtItsDeadlineFailsDeadlineExceeded() {
		CompletableFuture<Map<String, Object>> run = CompletableFuture.supplyAsync(
				() -> new RunJobAction(this.runner).execute(context(Map.of("IMAGE", "img:1", "TIMEOUT", "1m"))));
		finish(awaitJob().getMetadata().getName(), "Failed", "DeadlineExceeded");

		assertThatThrownBy(run::join).cause()
			.hasMessageContaining("ran longer than its deadline of 1m (activeDeadlineSeconds)")
			.extracting((ex) -> ((JobFailedException) ex).reason())
			.isEqualTo("DeadlineExceeded");
	}

	@Test
	void aTargetOutsideTheEnginesScopeGetsNoJob() {
		Map<String, Object> parameters = Map.of("IMAGE", "img:1", "TARGET_RESOURCE_KIND", "Deployment",
				"TARGET_RESOURCE_NAMESPACE", "kube-system", "TARGET_RESOURCE_NAME", "coredns");
		cluster.requests();

		assertThatThrownBy(
				() -> new RunJobAction(this.runner).execute(new ActionContext(UUID.randomUUID(), "job", parameters)))
			.isInstanceOf(ActionSkippedException.class);
		assertThat(cluster.writes()).isEmpty();
	}

	@Test
	void aCatalogJobWorkflowGetsOnlyItsDeclaredParameters() {
		JobWorkflow workflow = new JobWorkflow("cleanup-pvc-v1", "quay.io/org/cleanup@sha256:abc", "cleanup-runner",
				List.of("TARGET_RESOURCE_NAMESPACE", "LABEL_SELECTOR"));
		CompletableFuture<Map<String, Object>> run = CompletableFuture
			.supplyAsync(() -> this.runner.run(workflow,
					Map.of("TARGET_RESOURCE_NAMESPACE", this.targetNamespace, "LABEL_SELECTOR", "batch=done",
							"UNDECLARED", "x"),
					new TargetRef("Deployment", this.targetNamespace, "web"), "exec-1/workflow", null));

		Job job = awaitJob();
		assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()).extracting(EnvVar::getName)
			.containsExactlyInAnyOrder("TARGET_RESOURCE", "TARGET_RESOURCE_NAMESPACE", "LABEL_SELECTOR");
		assertThat(job.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo("cleanup-runner");
		assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(1800L);
		assertThat(job.getMetadata().getLabels()).containsEntry(JobRunner.WORKFLOW_LABEL, "cleanup-pvc-v1");
		finish(job.getMetadata().getName(), "Complete", null);
		assertThat(run.join()).containsEntry("succeeded", true);
	}

	@Test
	void dryRunAsksTheServerToValidateTheJobAndCreatesNothing() {
		cluster.server()
			.expect()
			.post()
			.withPath("/apis/batch/v1/namespaces/" + this.executionNamespace + "/jobs?dryRun=All")
			.andReturn(201, job("preview/step", null))
			.always();

		Map<String, Object> output = new RunJobAction(this.runner)
			.preview(context(Map.of("IMAGE", "img:1", "MODE", "fast")));

		assertThat(output).containsEntry("dryRun", true)
			.containsEntry("job", this.executionNamespace + "/" + name())
			.containsEntry("activeDeadlineSeconds", 1800L);
		assertThat((Map<String, Object>) output.get("env")).containsEntry("MODE", "fast");
		assertThat(readJob()).isNull();
	}

	@Test
	void aBundleActionWithoutAnImageIsRejectedNamingTheProperty() {
		JobBundleAction backup = new JobBundleAction("backup_data", "Backs up data", this.runner);

		assertThat(backup.validate(Map.of())).containsExactly("backup_data is carried out by a Job bundle, and no "
				+ "image is configured for it: set kubernaut.engine.jobs.bundles.backup_data");
		assertThatThrownBy(() -> backup.execute(context(Map.of()))).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("kubernaut.engine.jobs.bundles.backup_data");
	}

	@Test
	void aBundleActionRunsTheConfiguredImageWhateverTheKeysSpelling() {
		JobRunner configured = runner(Map.of("backupdata", "registry.example/backup@sha256:1234"));
		JobBundleAction backup = new JobBundleAction("backup_data", "Backs up data", configured);
		assertThat(backup.validate(Map.of())).isEmpty();

		CompletableFuture<Map<String, Object>> run = CompletableFuture
			.supplyAsync(() -> backup.execute(context(Map.of("paths", List.of("/var/log/payments")))));
		Job job = awaitJob();
		assertThat(image(job)).isEqualTo("registry.example/backup@sha256:1234");
		assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
			.contains(new EnvVar("paths", "[\"/var/log/payments\"]", null));
		finish(job.getMetadata().getName(), "Complete", null);
		assertThat(run.join()).containsEntry("succeeded", true);
	}

	private JobRunner runner(Map<String, String> bundles) {
		return new JobRunner(cluster.client(), cluster.mutator().guardrails(),
				new JobSettings(this.executionNamespace, null, null, null, bundles),
				new Poller(Clock.systemUTC(), Duration.ofMillis(20)));
	}

	private ActionContext context(Map<String, Object> extra) {
		Map<String, Object> parameters = new java.util.HashMap<>(extra);
		parameters.put("TARGET_RESOURCE_KIND", "Deployment");
		parameters.put("TARGET_RESOURCE_NAMESPACE", this.targetNamespace);
		parameters.put("TARGET_RESOURCE_NAME", "web");
		return new ActionContext(UUID.randomUUID(), "job", parameters);
	}

	private String name() {
		return JobRunner.jobName(this.targetNamespace + "/Deployment/web");
	}

	private Job readJob() {
		return cluster.client().batch().v1().jobs().inNamespace(this.executionNamespace).withName(name()).get();
	}

	private Job awaitJob() {
		await().atMost(Duration.ofSeconds(10)).until(() -> readJob() != null);
		return readJob();
	}

	private static String image(Job job) {
		return job.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
	}

	private Job job(String stamp, String condition) {
		JobBuilder job = new JobBuilder().withNewMetadata()
			.withName(name())
			.withNamespace(this.executionNamespace)
			.addToAnnotations(ObjectMutator.STEP_ANNOTATION, stamp)
			.endMetadata()
			.withNewSpec()
			.withNewTemplate()
			.withNewSpec()
			.addNewContainer()
			.withName("workflow")
			.withImage("img:old")
			.endContainer()
			.withRestartPolicy("Never")
			.endSpec()
			.endTemplate()
			.endSpec();
		if (condition != null) {
			job.withStatus(new JobStatusBuilder()
				.withConditions(new JobConditionBuilder().withType(condition).withStatus("True").build())
				.build());
		}
		return job.build();
	}

	private void finish(String name, String type, String reason) {
		cluster.client().batch().v1().jobs().inNamespace(this.executionNamespace).withName(name).editStatus((job) -> {
			job.setStatus(new JobStatusBuilder()
				.withConditions(new JobConditionBuilder().withType(type).withStatus("True").withReason(reason).build())
				.build());
			return job;
		});
	}

}
