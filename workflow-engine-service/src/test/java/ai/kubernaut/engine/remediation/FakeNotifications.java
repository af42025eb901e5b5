package ai.kubernaut.engine.remediation;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import ai.kubernaut.contracts.notification.DeliveryStatus;
import ai.kubernaut.contracts.notification.NotificationApi;
import ai.kubernaut.contracts.notification.NotificationList;
import ai.kubernaut.contracts.notification.NotificationView;
import ai.kubernaut.contracts.notification.SendNotificationRequest;

/**
 * Records notifications instead of delivering them; can be made to fail.
 */
class FakeNotifications implements NotificationApi {

	final List<SendNotificationRequest> sent = new CopyOnWriteArrayList<>();

	private RuntimeException outage;

	void failWith(RuntimeException outage) {
		this.outage = outage;
	}

	@Override
	public NotificationView send(SendNotificationRequest request) {
		if (this.outage != null) {
			throw this.outage;
		}
		this.sent.add(request);
		return new NotificationView(UUID.randomUUID(), request.type(), request.severity(), request.subject(),
				request.body(), request.fields(), request.remediationId(), DeliveryStatus.PENDING, List.of(), null);
	}

	@Override
	public NotificationView get(UUID notificationId) {
		throw new UnsupportedOperationException("not needed by the engine");
	}

	@Override
	public NotificationList list(UUID remediationId, Integer limit) {
		throw new UnsupportedOperationException("not needed by the engine");
	}

}
