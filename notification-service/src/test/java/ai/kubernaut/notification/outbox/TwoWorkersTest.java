package ai.kubernaut.notification.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import ai.kubernaut.contracts.notification.DeliveryStatus;
import ai.kubernaut.contracts.notification.NotificationType;
import ai.kubernaut.notification.CountingChannel;
import ai.kubernaut.notification.ServiceIntegrationTest;
import ai.kubernaut.notification.channel.Notification;
import ai.kubernaut.notification.routing.Receivers;
import ai.kubernaut.notification.routing.Target;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two delivery workers, as two service instances would run them, share one outbox: every
 * notification is delivered exactly once. The notifications are stored a day ahead and
 * the two workers run on a clock a day ahead, so the application's own poller never sees
 * them as due and only these two workers compete.
 */
@ServiceIntegrationTest
class TwoWorkersTest {

	private static final int NOTIFICATIONS = 500;

	@Autowired
	OutboxRepository outbox;

	@Autowired
	Receivers receivers;

	@Autowired
	CountingChannel counting;

	@Autowired
	DeliveryProperties properties;

	@Test
	void deliversFiveHundredNotificationsWithNoDuplicateAndNoLoss() throws Exception {
		Clock dayAhead = Clock.offset(Clock.systemUTC(), Duration.ofDays(1));
		Instant due = dayAhead.instant().truncatedTo(ChronoUnit.MICROS);
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < NOTIFICATIONS; i++) {
			Notification notification = new Notification(UUID.randomUUID(), NotificationType.REMEDIATION_COMPLETED,
					"info", null, "Remediation completed " + i, "Done.", Map.of(), null, null, null,
					Map.of("route", "counting"), null, List.of(), null, 1, due);
			this.outbox.insert(notification, List.of(new Target("counting", CountingChannel.NAME)), due);
			ids.add(notification.id());
		}

		DeliveryWorker first = worker(dayAhead);
		DeliveryWorker second = worker(dayAhead);
		try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
			Future<Integer> a = threads.submit(() -> drain(first));
			Future<Integer> b = threads.submit(() -> drain(second));
			int claimedByA = a.get();
			int claimedByB = b.get();
			assertThat(claimedByA + claimedByB).isGreaterThanOrEqualTo(NOTIFICATIONS);
			// Both took part: with batches of 20 and 500 rows, one worker alone would
			// mean
			// the other never got a claim.
			assertThat(claimedByA).isPositive();
			assertThat(claimedByB).isPositive();
		}

		assertThat(ids).allSatisfy((id) -> assertThat(this.counting.sends(id)).as("sends of %s", id).isEqualTo(1));
		assertThat(ids).allSatisfy(
				(id) -> assertThat(this.outbox.find(id).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED));
	}

	private DeliveryWorker worker(Clock clock) {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		return new DeliveryWorker(this.outbox, this.receivers, new RetryBackoff(this.properties, clock),
				new RateLimiter(this.receivers, clock), this.properties,
				new DeliveryMetrics(meters, this.outbox, this.receivers, clock), clock);
	}

	/**
	 * Works until a poll finds nothing due.
	 * @return deliveries claimed
	 */
	private static int drain(DeliveryWorker worker) {
		int total = 0;
		int claimed;
		do {
			claimed = worker.deliverDue();
			total += claimed;
		}
		while (claimed > 0);
		return total;
	}

}
