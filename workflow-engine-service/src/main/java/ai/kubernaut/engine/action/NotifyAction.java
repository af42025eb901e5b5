package ai.kubernaut.engine.action;

import ai.kubernaut.actions.RemediationAction;
import ai.kubernaut.actions.ActionContext;
import ai.kubernaut.actions.ActionParameter;

import java.util.List;
import java.util.Map;

import ai.kubernaut.contracts.notification.NotificationApi;
import ai.kubernaut.contracts.notification.NotificationType;
import ai.kubernaut.contracts.notification.NotificationView;
import ai.kubernaut.contracts.notification.SendNotificationRequest;

/**
 * Sends a notification through notification-service. The group key names the execution
 * and step, so a re-driven attempt is recognisable as the same message.
 */
public class NotifyAction implements RemediationAction {

	public static final String NAME = "notify";

	private final NotificationApi notifications;

	public NotifyAction(NotificationApi notifications) {
		this.notifications = notifications;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<ActionParameter> parameters() {
		return List.of(ActionParameter.required("subject", "One line"),
				ActionParameter.optional("body", "The message; the subject when absent"),
				ActionParameter.optional("severity", "critical, warning or info; info when absent"));
	}

	@Override
	public Map<String, Object> execute(ActionContext context) {
		String subject = context.require("subject");
		SendNotificationRequest request = new SendNotificationRequest(NotificationType.REMEDIATION_STARTED,
				context.optional("severity").orElse("info"), null, subject, context.optional("body").orElse(subject),
				Map.of("step", context.stepId()), context.remediationId(),
				context.optional("TARGET_RESOURCE_NAMESPACE").orElse(null), null, Map.of(), null, List.of(),
				"execution/" + context.remediationId() + "/" + context.stepId());
		NotificationView sent = this.notifications.send(request);
		return Map.of("notificationId", String.valueOf(sent.notificationId()));
	}

}
