package ai.kubernaut.engine.remediation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import ai.kubernaut.contracts.audit.AuditEvent;
import ai.kubernaut.contracts.remediation.RemediationPhase;
import ai.kubernaut.contracts.remediation.RemediationView;
import ai.kubernaut.engine.Fixtures;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.util.IdGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RemediationIntakeTest {

	final RemediationRepository repository = EngineDatabase.repository();

	final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	final List<AuditEvent> audited = new ArrayList<>();

	final UUID id = UUID.randomUUID();

	final IdGenerator ids = () -> this.id;

	final Clock clock = Clock.fixed(Instant.parse("2026-06-02T15:05:00Z"), ZoneOffset.UTC);

	@Test
	void storesTheRemediationAsPendingBeforeQueueingIt() {
		List<Runnable> queued = new ArrayList<>();
		RemediationIntake intake = intake((task) -> {
			assertThat(this.repository.find(this.id)).as("stored before queued").isPresent();
			queued.add(task);
		});

		RemediationView view = intake.accept(Fixtures.remediationRequest("HighRequestLatency", "intake", "api"));

		assertThat(view.remediationId()).isEqualTo(this.id);
		assertThat(view.phase()).isEqualTo(RemediationPhase.PENDING);
		assertThat(view.createdAt()).isEqualTo(this.clock.instant());
		assertThat(queued).hasSize(1);
		assertThat(this.audited).extracting(AuditEvent::eventType).containsExactly("orchestrator.lifecycle.created");
	}

	@Test
	void leavesNothingBehindWhenTheQueueIsFull() {
		RemediationIntake intake = intake((task) -> {
			throw new TaskRejectedException("queue full");
		});

		assertThatExceptionOfType(EngineBusyException.class)
			.isThrownBy(() -> intake.accept(Fixtures.remediationRequest("HighRequestLatency", "intake", "busy")))
			.satisfies((ex) -> assertThat(ex.toProblemDetail().getProperties()).containsEntry("retryAfterSeconds", 7L));
		assertThat(this.repository.find(this.id)).isEmpty();
		assertThat(this.meters.get("kubernaut.remediation.rejections").tag("reason", "engine-busy").counter().count())
			.isEqualTo(1);
	}

	private RemediationIntake intake(TaskExecutor workers) {
		return new RemediationIntake(this.repository, null, new RemediationAudit(this.audited::add, this.clock),
				EngineDatabase.transactions(), workers, new RemediationMetrics(this.meters), this.ids, this.clock,
				Duration.ofSeconds(7));
	}

}
