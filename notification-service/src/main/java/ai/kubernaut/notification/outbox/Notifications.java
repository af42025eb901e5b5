package ai.kubernaut.notification.outbox;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import ai.kubernaut.contracts.notification.DeliveryStatus;
import ai.kubernaut.contracts.notification.NotificationType;
import ai.kubernaut.contracts.notification.NotificationView;
import ai.kubernaut.contracts.notification.SendNotificationRequest;
import ai.kubernaut.notification.channel.Notification;
import ai.kubernaut.notification.routing.Receivers;
import ai.kubernaut.notification.routing.Target;
import ai.kubernaut.support.problem.ApiProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepts notifications into the outbox, routed to their receivers and grouped with
 * identical ones, and reports how their delivery is going.
 * <p>
 * Grouping: a notification with a {@code groupKey} whose group (same key and type) had a
 * message within the grouping window is not sent on its own. It joins the group's held
 * message, created on first need and due when the window after the group's last message
 * ends; the held message goes out once, with the number of notifications it stands for.
 * The first notification of a group is never held, so nobody waits for the first news; a
 * repeat that arrives while the first is still waiting to be sent joins it instead.
 */
@Component
class Notifications {

	private static final Logger log = LoggerFactory.getLogger(Notifications.class);

	private final OutboxRepository outbox;

	private final Receivers receivers;

	private final GroupingProperties grouping;

	private final DeliveryMetrics metrics;

	private final Clock clock;

	Notifications(OutboxRepository outbox, Receivers receivers, GroupingProperties grouping, DeliveryMetrics metrics,
			Clock clock) {
		this.outbox = outbox;
		this.receivers = receivers;
		this.grouping = grouping;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * Stores the notification with a pending delivery per receiver channel, in one
	 * transaction, or adds it to its group's held message. When this returns, delivery is
	 * guaranteed to be attempted, even if the service restarts the next moment.
	 * @return the id of the message that will carry it
	 */
	@Transactional
	UUID accept(SendNotificationRequest request) {
		rejectNulCharacters(request);
		// PostgreSQL keeps microseconds; truncating keeps what we store equal to what we
		// read back.
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		Instant due = now;
		String groupKey = (request.groupKey() != null && !request.groupKey().isBlank()) ? request.groupKey() : null;
		if (groupKey != null && this.grouping.enabled()) {
			this.outbox.lockGroup(groupKey, request.type());
			Optional<OutboxRepository.GroupHead> latest = this.outbox.latestInGroup(groupKey, request.type(),
					now.minus(this.grouping.window()), now);
			if (latest.isPresent() && latest.get().open()) {
				this.outbox.addOccurrence(latest.get().id());
				this.metrics.grouped(request.type().name());
				log.info("Notification ({} {}) grouped into held message {} of group {}", request.type(),
						request.severity(), latest.get().id(), groupKey);
				return latest.get().id();
			}
			if (latest.isPresent()) {
				due = latest.get().createdAt().plus(this.grouping.window()).truncatedTo(ChronoUnit.MICROS);
			}
		}
		Notification notification = new Notification(UUID.randomUUID(), request.type(), request.severity(),
				request.priority(), request.subject(), request.body(), request.fields(), request.remediationId(),
				request.namespace(), request.environment(), request.labels(), request.graph(), request.actions(),
				groupKey, 1, now);
		List<Target> targets = this.receivers.targetsFor(notification);
		this.outbox.insert(notification, targets, due);
		log.info("Notification {} ({} {}) accepted for {}{}: {}", notification.id(), notification.type(),
				notification.severity(), targets, due.equals(now) ? "" : ", held for grouping until " + due,
				notification.subject());
		return notification.id();
	}

	/**
	 * PostgreSQL cannot store U+0000 in text or jsonb; a request carrying one is refused
	 * as bad input rather than failing with a 500 at insert.
	 */
	private static void rejectNulCharacters(SendNotificationRequest request) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("severity", request.severity());
		values.put("priority", request.priority());
		values.put("subject", request.subject());
		values.put("body", request.body());
		values.put("namespace", request.namespace());
		values.put("environment", request.environment());
		values.put("graph", request.graph());
		values.put("groupKey", request.groupKey());
		values.put("fields", request.fields());
		values.put("labels", request.labels());
		values.put("actions", request.actions());
		values.forEach((field, value) -> {
			if (value != null && value.toString().indexOf('\u0000') >= 0) {
				throw new ApiProblemException(HttpStatus.BAD_REQUEST, "validation-error", "Validation Error",
						field + " must not contain the NUL character (U+0000)")
					.with("field", field);
			}
		});
	}

	List<NotificationView> list(UUID remediationId, DeliveryStatus status, NotificationType type, int limit) {
		return this.outbox.list(remediationId, status, type, limit);
	}

	NotificationView get(UUID id) {
		return this.outbox.find(id).orElseThrow(() -> new NotificationNotFoundException(id));
	}

	/**
	 * Re-drives the notification's failed and dead-lettered deliveries.
	 * @throws NotificationNotFoundException for an unknown id
	 * @throws NothingToRetryException when no delivery is failed or dead-lettered
	 */
	@Transactional
	NotificationView retry(UUID id) {
		NotificationView view = get(id);
		int redriven = this.outbox.redrive(id, this.clock.instant().truncatedTo(ChronoUnit.MICROS));
		if (redriven == 0) {
			throw new NothingToRetryException(id, view.status());
		}
		log.info("Notification {}: {} failed or dead-lettered deliveries re-driven", id, redriven);
		return get(id);
	}

}
