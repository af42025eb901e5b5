package ai.kubernaut.notification.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import ai.kubernaut.contracts.notification.DeliveryStatus;
import ai.kubernaut.notification.routing.Receivers;
import ai.kubernaut.notification.routing.Target;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The delivery metrics:
 * <ul>
 * <li>{@code kubernaut_notification_delivery_attempts_total{receiver,channel,outcome}},
 * outcome {@code delivered}, {@code retried}, {@code failed}, {@code dead_letter};</li>
 * <li>{@code kubernaut_notification_delivery_failures_total{receiver,channel,reason}},
 * reason {@code http_5xx}, {@code http_429}, {@code http_408}, {@code http_4xx},
 * {@code timeout}, {@code network}, {@code rejected}, {@code error};</li>
 * <li>{@code kubernaut_notification_queue_depth}: pending deliveries;</li>
 * <li>{@code kubernaut_notification_oldest_pending_age_seconds}: age of the oldest
 * notification with a pending delivery (0 when none);</li>
 * <li>{@code kubernaut_notification_dead_letters}: deliveries in dead letter now;</li>
 * <li>{@code kubernaut_notification_rate_limited_total{receiver}} and
 * {@code kubernaut_notification_grouped_total{type}}.</li>
 * </ul>
 * The gauges read the database at most once per {@value #GAUGE_CACHE_MILLIS} ms, however
 * often they are scraped, and are the same on every replica.
 */
@Component
class DeliveryMetrics {

	static final String DELIVERED = "delivered";

	static final String RETRIED = "retried";

	static final String FAILED = "failed";

	static final String DEAD_LETTER = "dead_letter";

	private static final long GAUGE_CACHE_MILLIS = 2000;

	private final MeterRegistry meters;

	private final OutboxRepository outbox;

	private final Clock clock;

	private volatile Snapshot snapshot;

	DeliveryMetrics(MeterRegistry meters, OutboxRepository outbox, Receivers receivers, Clock clock) {
		this.meters = meters;
		this.outbox = outbox;
		this.clock = clock;
		for (Target target : receivers.all()) {
			String type = receivers.find(target.receiver(), target.channel()).orElseThrow().type();
			for (String outcome : new String[] { DELIVERED, RETRIED, FAILED, DEAD_LETTER }) {
				attempts(target.receiver(), type, outcome);
			}
		}
		Gauge.builder("kubernaut.notification.queue.depth", this, (m) -> m.snapshot().pending())
			.description("Notification deliveries waiting to be sent or retried")
			.register(meters);
		Gauge.builder("kubernaut.notification.oldest.pending.age", this, (m) -> m.snapshot().oldestAgeSeconds())
			.description("Age of the oldest notification with a pending delivery")
			.baseUnit("seconds")
			.register(meters);
		Gauge.builder("kubernaut.notification.dead.letters", this, (m) -> m.snapshot().deadLetters())
			.description("Notification deliveries in dead letter, waiting to be re-driven")
			.register(meters);
	}

	void attempted(String receiver, String channelType, String outcome) {
		attempts(receiver, channelType, outcome).increment();
	}

	void failed(String receiver, String channelType, String reason) {
		Counter.builder("kubernaut.notification.delivery.failures")
			.description("Failed notification delivery attempts by channel and reason")
			.tag("receiver", receiver)
			.tag("channel", channelType)
			.tag("reason", reason)
			.register(this.meters)
			.increment();
	}

	void rateLimited(String receiver) {
		Counter.builder("kubernaut.notification.rate.limited")
			.description("Deliveries held back by their receiver's rate limit")
			.tag("receiver", receiver)
			.register(this.meters)
			.increment();
	}

	void grouped(String type) {
		Counter.builder("kubernaut.notification.grouped")
			.description("Notifications folded into an earlier message of their group")
			.tag("type", type)
			.register(this.meters)
			.increment();
	}

	private Counter attempts(String receiver, String channelType, String outcome) {
		return Counter.builder("kubernaut.notification.delivery.attempts")
			.description("Notification delivery attempts by receiver, channel and outcome")
			.tag("receiver", receiver)
			.tag("channel", channelType)
			.tag("outcome", outcome)
			.register(this.meters);
	}

	private Snapshot snapshot() {
		Snapshot current = this.snapshot;
		Instant now = this.clock.instant();
		if (current == null || Duration.between(current.takenAt(), now).toMillis() > GAUGE_CACHE_MILLIS) {
			OutboxRepository.Backlog backlog = this.outbox.backlog();
			double age = (backlog.oldestCreatedAt() != null)
					? Math.max(0, Duration.between(backlog.oldestCreatedAt(), now).toMillis() / 1000.0) : 0;
			current = new Snapshot(now, backlog.pending(), age,
					this.outbox.countDeliveries(DeliveryStatus.DEAD_LETTER));
			this.snapshot = current;
		}
		return current;
	}

	private record Snapshot(Instant takenAt, long pending, double oldestAgeSeconds, long deadLetters) {
	}

}
