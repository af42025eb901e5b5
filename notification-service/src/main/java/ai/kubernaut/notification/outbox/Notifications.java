package ai.kubernaut.notification.outbox;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import ai.kubernaut.contracts.notification.NotificationView;
import ai.kubernaut.contracts.notification.SendNotificationRequest;
import ai.kubernaut.notification.channel.ChannelRegistry;
import ai.kubernaut.notification.channel.Notification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepts notifications into the outbox and reports how their delivery is going.
 */
@Component
class Notifications {

	private static final Logger log = LoggerFactory.getLogger(Notifications.class);

	private final OutboxRepository outbox;

	private final ChannelRegistry channels;

	private final Clock clock;

	Notifications(OutboxRepository outbox, ChannelRegistry channels, Clock clock) {
		this.outbox = outbox;
		this.channels = channels;
		this.clock = clock;
	}

	/**
	 * Stores the notification with a pending delivery per channel, in one transaction.
	 * When this returns, delivery is guaranteed to be attempted, even if the service
	 * restarts the next moment.
	 */
	@Transactional
	UUID accept(SendNotificationRequest request) {
		// PostgreSQL keeps microseconds; truncating keeps what we store equal to what we
		// read back.
		Notification notification = new Notification(UUID.randomUUID(), request.type(), request.severity(),
				request.subject(), request.body(), request.fields(), request.remediationId(),
				this.clock.instant().truncatedTo(ChronoUnit.MICROS));
		List<String> targets = this.channels.channelsFor(notification);
		this.outbox.insert(notification, targets);
		log.info("Notification {} ({} {}) accepted for {}: {}", notification.id(), notification.type(),
				notification.severity(), targets, notification.subject());
		return notification.id();
	}

	List<NotificationView> list(UUID remediationId, int limit) {
		return this.outbox.list(remediationId, limit);
	}

	NotificationView get(UUID id) {
		return this.outbox.find(id).orElseThrow(() -> new NotificationNotFoundException(id));
	}

}
