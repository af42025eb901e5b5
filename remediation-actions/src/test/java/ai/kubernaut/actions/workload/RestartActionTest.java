package ai.kubernaut.actions.workload;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RestartActionTest extends WorkloadActionTest {

	private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T03:04:05.678Z"), ZoneOffset.UTC);

	@Test
	void restartsLikeKubectlByStampingThePodTemplate() {
		RestartAction.deployment(this.mutator, this.clock).execute(context(parameters("Deployment", "checkout")));

		assertThat(read(Deployment.class, "checkout").getSpec().getTemplate().getMetadata().getAnnotations())
			.containsEntry(RestartAction.ANNOTATION, "2026-11-22T03:04:05Z");
	}

	@Test
	void restartsAStatefulSetAndFixesTheTimeInPrepare() {
		RestartAction action = RestartAction.statefulSet(this.mutator, this.clock);
		Map<String, Object> prepared = action.prepare(context(parameters("StatefulSet", "ledger")));

		Map<String, Object> output = action.execute(context(prepared));

		assertThat(prepared).containsEntry("RESTARTED_AT", "2026-11-22T03:04:05Z");
		assertThat(output).containsEntry("restartedAt", "2026-11-22T03:04:05Z");
		assertThat(read(StatefulSet.class, "ledger").getSpec().getTemplate().getMetadata().getAnnotations())
			.containsEntry(RestartAction.ANNOTATION, "2026-11-22T03:04:05Z");
	}

	@Test
	void aDryRunChangesNothingAndShowsTheDiff() {
		stubDryRun("/apis/apps/v1", "deployments/checkout", read(Deployment.class, "checkout"));

		Map<String, Object> output = RestartAction.deployment(this.mutator, this.clock)
			.preview(context(parameters("Deployment", "checkout")));

		assertThat(output).containsEntry("dryRun", true)
			.containsEntry("changes", java.util.List
				.of("spec.template.metadata.annotations: (none) -> {\"kubectl.kubernetes.io/restartedAt\":\"2026-11-22T03:04:05Z\"}"));
		assertThat(read(Deployment.class, "checkout").getSpec().getTemplate().getMetadata().getAnnotations())
			.isNullOrEmpty();
	}

	@Test
	void rollsBackByRemovingTheAnnotation() {
		Map<String, Object> output = RestartAction.deployment(this.mutator, this.clock)
			.execute(context(parameters("Deployment", "checkout")));

		rollBack(output);

		assertThat(read(Deployment.class, "checkout").getSpec().getTemplate().getMetadata().getAnnotations())
			.isNullOrEmpty();
	}

	@Test
	void aReplayDoesNotRestartAgain() {
		RestartAction action = RestartAction.deployment(this.mutator, this.clock);
		var context = context(parameters("Deployment", "checkout"));
		action.execute(context);
		String version = version(Deployment.class, "checkout");

		assertThat(action.execute(context)).containsEntry("alreadyApplied", true);
		assertThat(version(Deployment.class, "checkout")).isEqualTo(version);
	}

	@Test
	void validationRefusesAnotherKind() {
		assertThat(RestartAction.statefulSet(this.mutator, this.clock)
			.validate(Map.of("TARGET_RESOURCE_KIND", "Deployment")))
			.containsExactly("TARGET_RESOURCE_KIND must be StatefulSet for restart_statefulset, got \"Deployment\"");
	}

}
