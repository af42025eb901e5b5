package ai.kubernaut.engine.notification;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import ai.kubernaut.contracts.notification.NotificationApi;
import ai.kubernaut.contracts.notification.NotificationType;
import ai.kubernaut.contracts.notification.SendNotificationRequest;
import ai.kubernaut.contracts.remediation.RemediationPhase;
import ai.kubernaut.contracts.remediation.RemediationView;
import ai.kubernaut.contracts.remediation.StepView;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells people how a remediation ended, through notification-service. Best effort: a
 * failed announcement is logged and counted
 * ({@code kubernaut_remediation_notifications_total{outcome="failed"}}) but never changes
 * the remediation, which already happened.
 */
public class RemediationNotifier {

	private static final Logger log = LoggerFactory.getLogger(RemediationNotifier.class);

	static final int MAX_SUBJECT = 250;

	private final NotificationApi notifications;

	private final MeterRegistry registry;

	public RemediationNotifier(NotificationApi notifications, MeterRegistry registry) {
		this.notifications = notifications;
		this.registry = registry;
	}

	/**
	 * Announces a remediation that completed or failed. Nothing for other phases: a skip
	 * (the target busy, in cooldown or backoff) is routine and audited, and a
	 * cancellation was asked for by whoever cancelled.
	 */
	public void announce(RemediationView remediation) {
		if (remediation.phase() != RemediationPhase.COMPLETED && remediation.phase() != RemediationPhase.FAILED) {
			return;
		}
		try {
			this.notifications.send(message(remediation));
			count("sent");
		}
		catch (RuntimeException ex) {
			count("failed");
			log.warn("Could not notify about remediation {} ({}): {}", remediation.remediationId(), remediation.phase(),
					ex.getMessage());
		}
	}

	static SendNotificationRequest message(RemediationView remediation) {
		boolean completed = remediation.phase() == RemediationPhase.COMPLETED;
		boolean manualReview = "ManualReviewRequired".equals(remediation.outcome());
		String subject = (manualReview ? "Manual review required"
				: "Remediation " + (completed ? "completed" : "failed")) + ": " + remediation.signal().name() + " on "
				+ remediation.target();
		return new SendNotificationRequest(
				manualReview ? NotificationType.MANUAL_REVIEW
						: completed ? NotificationType.REMEDIATION_COMPLETED : NotificationType.REMEDIATION_FAILED,
				remediation.signal().severity(), truncate(subject, MAX_SUBJECT), body(remediation, completed),
				fields(remediation), remediation.remediationId());
	}

	private static String body(RemediationView remediation, boolean completed) {
		StringBuilder body = new StringBuilder();
		body.append("**")
			.append("ManualReviewRequired".equals(remediation.outcome()) ? "Manual review required"
					: completed ? "Remediation completed" : "Remediation failed")
			.append("** for alert `")
			.append(remediation.signal().name())
			.append("` (")
			.append(remediation.signal().severity())
			.append(", ")
			.append(remediation.signal().environment())
			.append(", ")
			.append(remediation.signal().priority())
			.append(").\n\n");
		if (remediation.failureReason() != null) {
			body.append("**Reason:** ").append(remediation.failureReason()).append("\n\n");
		}
		body.append("- **Target:** `").append(remediation.target()).append("`\n");
		if (remediation.actionType() != null) {
			body.append("- **Action type:** ").append(remediation.actionType()).append('\n');
		}
		if (remediation.workflowName() != null) {
			body.append("- **Workflow:** ")
				.append(remediation.workflowName())
				.append(" (`")
				.append(remediation.workflowId())
				.append("`)\n");
		}
		body.append("- **Remediation:** `").append(remediation.remediationId()).append("`\n");
		if (remediation.steps() != null && !remediation.steps().isEmpty()) {
			body.append("\n**Steps**\n\n");
			int number = 1;
			for (StepView step : remediation.steps()) {
				body.append(number++)
					.append(". `")
					.append(step.id())
					.append("` ")
					.append(step.phase().name().toLowerCase(Locale.ROOT));
				if (step.output() != null && !step.output().isEmpty()) {
					body.append(": ").append(describe(step.output()));
				}
				if (step.error() != null) {
					body.append(": ").append(step.error());
				}
				body.append('\n');
			}
		}
		return body.toString();
	}

	private static Map<String, String> fields(RemediationView remediation) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("alert", remediation.signal().name());
		fields.put("target", remediation.target().toString());
		fields.put("phase", remediation.phase().name());
		if (remediation.outcome() != null) {
			fields.put("outcome", remediation.outcome());
		}
		if (remediation.actionType() != null) {
			fields.put("actionType", remediation.actionType());
		}
		if (remediation.workflowName() != null) {
			fields.put("workflow", remediation.workflowName());
		}
		if (remediation.failureReason() != null) {
			fields.put("failureReason", truncate(remediation.failureReason(), 500));
		}
		return fields;
	}

	private static String describe(Map<String, Object> output) {
		// Sorted: stored outputs come back from jsonb in its own key order, and messages
		// should read the same each time.
		StringBuilder text = new StringBuilder();
		new TreeMap<>(output)
			.forEach((key, value) -> text.append(text.isEmpty() ? "" : ", ").append(key).append('=').append(value));
		return text.toString();
	}

	private static String truncate(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

	private void count(String outcome) {
		Counter.builder("kubernaut.remediation.notifications")
			.description("Announcements of finished remediations sent to notification-service")
			.tag("outcome", outcome)
			.register(this.registry)
			.increment();
	}

}
