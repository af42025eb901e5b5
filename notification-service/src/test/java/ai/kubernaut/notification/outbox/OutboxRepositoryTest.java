package ai.kubernaut.notification.outbox;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ai.kubernaut.contracts.notification.DeliveryStatus;
import ai.kubernaut.contracts.notification.NotificationType;
import ai.kubernaut.notification.ServiceIntegrationTest;
import ai.kubernaut.notification.channel.Notification;
import ai.kubernaut.notification.routing.Target;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The claim protocol, driven with explicit times a day ahead so the running poller never
 * sees these rows as due.
 */
@ServiceIntegrationTest
class OutboxRepositoryTest {

	private static final Duration LEASE = Duration.ofMinutes(2);

	@Autowired
	OutboxRepository outbox;

	@Test
	void leavesAClaimedDeliveryAloneUntilItsLeaseRunsOutAndThenHandsItOutAgain() {
		Instant due = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MICROS);
		Notification notification = aNotificationDueAt(due);
		this.outbox.insert(notification, List.of(new Target("default", "log")), due);

		ClaimedDelivery first = claimOnly(notification, due);
		assertThat(first.attempts()).isZero();
		assertThat(first.leaseUntil()).isEqualTo(due.plus(LEASE));
		assertThat(claims(notification, due.plus(LEASE).minusSeconds(1))).isEmpty();

		ClaimedDelivery second = claimOnly(notification, due.plus(LEASE));
		assertThat(second.attempts()).isZero();
		assertThat(second.leaseUntil()).isAfter(first.leaseUntil());
	}

	@Test
	void ignoresTheOutcomeOfAWorkerWhoseClaimWasTakenOver() {
		Instant due = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MICROS);
		Notification notification = aNotificationDueAt(due);
		this.outbox.insert(notification, List.of(new Target("default", "log")), due);
		ClaimedDelivery stale = claimOnly(notification, due);
		ClaimedDelivery current = claimOnly(notification, due.plus(LEASE));

		assertThat(this.outbox.markGivenUp(stale, DeliveryStatus.FAILED, "late worker", due.plus(LEASE))).isFalse();
		assertThat(this.outbox.markDelivered(current, due.plus(LEASE).plusSeconds(1))).isTrue();

		var view = this.outbox.find(notification.id()).orElseThrow();
		assertThat(view.deliveries()).singleElement().satisfies((delivery) -> {
			assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
			assertThat(delivery.attempts()).isEqualTo(1);
			assertThat(delivery.lastError()).isNull();
		});
	}

	@Test
	void schedulesARetryAtTheGivenTimeAndCountsTheAttempt() {
		Instant due = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MICROS);
		Notification notification = aNotificationDueAt(due);
		this.outbox.insert(notification, List.of(new Target("default", "log")), due);
		ClaimedDelivery claimed = claimOnly(notification, due);

		assertThat(this.outbox.markRetry(claimed, "503 Service Unavailable", due, due.plusSeconds(30))).isTrue();

		assertThat(claims(notification, due.plusSeconds(29))).isEmpty();
		ClaimedDelivery retry = claimOnly(notification, due.plusSeconds(30));
		assertThat(retry.attempts()).isEqualTo(1);
		assertThat(this.outbox.find(notification.id()).orElseThrow().deliveries().get(0).lastError())
			.isEqualTo("503 Service Unavailable");
	}

	private ClaimedDelivery claimOnly(Notification notification, Instant now) {
		List<ClaimedDelivery> claimed = claims(notification, now);
		assertThat(claimed).hasSize(1);
		return claimed.get(0);
	}

	/**
	 * This test's claims among everything due at {@code now}; other tests' rows a day
	 * ahead may be due as well.
	 */
	private List<ClaimedDelivery> claims(Notification notification, Instant now) {
		return this.outbox.claimDue(now, now.plus(LEASE), 500)
			.stream()
			.filter((claimed) -> claimed.notification().id().equals(notification.id()))
			.toList();
	}

	private static Notification aNotificationDueAt(Instant createdAt) {
		return new Notification(UUID.randomUUID(), NotificationType.REMEDIATION_COMPLETED, "info", null,
				"Remediation completed: data-service", "Scaled to 3 replicas.", Map.of("target", "Deployment/demo/web"),
				null, null, null, Map.of(), null, List.of(), null, 1, createdAt);
	}

}
