package ai.kubernaut.engine.notification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ai.kubernaut.contracts.notification.NotificationApi;
import ai.kubernaut.contracts.notification.NotificationList;
import ai.kubernaut.contracts.notification.NotificationType;
import ai.kubernaut.contracts.notification.NotificationView;
import ai.kubernaut.contracts.notification.SendNotificationRequest;
import ai.kubernaut.contracts.remediation.RemediationPhase;
import ai.kubernaut.contracts.remediation.RemediationView;
import ai.kubernaut.contracts.remediation.StepPhase;
import ai.kubernaut.contracts.remediation.StepView;
import ai.kubernaut.contracts.signal.ResourceRef;
import ai.kubernaut.contracts.signal.Signal;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

class RemediationNotifierTest {

	static final UUID ID = UUID.fromString("5c7af888-3760-4073-ab90-8f91dada3c1e");

	@Test
	void describesAFailedRemediationWithItsReasonTargetWorkflowAndSteps() {
		SendNotificationRequest message = RemediationNotifier.message(failed("KubeHpaMaxedOut"));

		assertThat(message.type()).isEqualTo(NotificationType.REMEDIATION_FAILED);
		assertThat(message.severity()).isEqualTo("critical");
		assertThat(message.remediationId()).isEqualTo(ID);
		assertThat(message.subject())
			.isEqualTo("Remediation failed: KubeHpaMaxedOut on Deployment/demo-gateway/api-frontend");
		assertThat(message.body()).isEqualTo("""
				**Remediation failed** for alert `KubeHpaMaxedOut` (critical, production, P1).

				**Reason:** step scale_deployment failed: Deployment demo-gateway/api-frontend does not exist

				- **Target:** `Deployment/demo-gateway/api-frontend`
				- **Action type:** ScaleReplicas
				- **Workflow:** scale-replicas-v1 (`wf-1`)
				- **Remediation:** `5c7af888-3760-4073-ab90-8f91dada3c1e`

				**Steps**

				1. `scale_deployment` failed: Deployment demo-gateway/api-frontend does not exist
				""");
		assertThat(message.fields()).containsEntry("target", "Deployment/demo-gateway/api-frontend")
			.containsEntry("workflow", "scale-replicas-v1")
			.containsEntry("phase", "FAILED");
	}

	@Test
	void keepsTheSubjectWithinTheNotificationLimit() {
		assertThat(RemediationNotifier.message(failed("A".repeat(400))).subject()).hasSize(250).endsWith("…");
	}

	@Test
	void countsAFailedAnnouncementInsteadOfThrowing() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		NotificationApi down = new NotificationApi() {

			@Override
			public NotificationView send(SendNotificationRequest request) {
				throw new IllegalStateException("notification-service answered 503");
			}

			@Override
			public NotificationView get(UUID notificationId) {
				throw new UnsupportedOperationException();
			}

			@Override
			public NotificationList list(UUID remediationId, Integer limit) {
				throw new UnsupportedOperationException();
			}

		};

		assertThatNoException().isThrownBy(() -> new RemediationNotifier(down, meters).announce(failed("X")));
		assertThat(meters.get("kubernaut.remediation.notifications").tag("outcome", "failed").counter().count())
			.isEqualTo(1);
	}

	private static RemediationView failed(String alert) {
		String reason = "Deployment demo-gateway/api-frontend does not exist";
		Instant at = Instant.parse("2026-06-02T15:05:00Z");
		return new RemediationView(ID, "fp", RemediationPhase.FAILED,
				new Signal(alert, "critical", "production", "P1", Map.of(), Map.of(), at, "prometheus"),
				new ResourceRef("Deployment", "demo-gateway", "api-frontend"), "ScaleReplicas", "wf-1",
				"scale-replicas-v1", List.of(new StepView("scale_deployment", "scale_deployment", StepPhase.FAILED,
						Map.of(), null, reason, at, at)),
				"step scale_deployment failed: " + reason, at, at, at, "Failed", null, false);
	}

}
