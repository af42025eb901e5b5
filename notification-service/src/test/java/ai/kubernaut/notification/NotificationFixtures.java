package ai.kubernaut.notification;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ai.kubernaut.contracts.notification.NotificationAction;
import ai.kubernaut.contracts.notification.NotificationType;
import ai.kubernaut.notification.channel.Notification;

/**
 * Notifications for tests.
 */
public final class NotificationFixtures {

	public static final UUID APPROVAL_ID = UUID.fromString("3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a");

	public static final URI APPROVE_LINK = URI
		.create("https://approval.example.com/approve/3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a?token=signed.approve.token");

	public static final URI REJECT_LINK = URI
		.create("https://approval.example.com/reject/3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a?token=signed.reject.token");

	private NotificationFixtures() {
	}

	public static Notification simple(NotificationType type, String severity, Map<String, String> labels) {
		return new Notification(UUID.randomUUID(), type, severity, null, "Remediation completed: data-service",
				"Scaled to 3 replicas.", Map.of("target", "Deployment/demo/web"), null, "demo", "production", labels,
				null, List.of(), null, 1, Instant.parse("2025-06-01T03:00:00Z"));
	}

	/**
	 * An approval request with Approve / Reject as Slack buttons and signed links.
	 */
	public static Notification approvalRequest(UUID id) {
		return new Notification(id, NotificationType.APPROVAL_REQUEST, "critical", "P1",
				"Approval Required: KubePodCrashLooping",
				"**Signal:** KubePodCrashLooping (critical)\n**Proposed workflow:** IncreaseMemoryLimits",
				Map.of("target", "Deployment/demo-telemetry/data-service", "workflow", "increase-memory-limits-v1"),
				UUID.fromString("6f1c2f4e-8a0b-4d47-9f39-2f0d8e0c5a11"), "demo-telemetry", "production",
				Map.of("route", "approvals"), "increase-memory -> verify-rollout", approvalActions(), null, 1,
				Instant.parse("2025-06-01T03:00:00Z"));
	}

	public static List<NotificationAction> approvalActions() {
		return List.of(new NotificationAction("approve", "Approve", APPROVE_LINK, APPROVAL_ID + ":approve", "primary"),
				new NotificationAction("reject", "Reject", REJECT_LINK, APPROVAL_ID + ":reject", "danger"));
	}

}
