package ai.kubernaut.notification.outbox;

import java.time.Duration;
import java.util.UUID;

import ai.kubernaut.contracts.notification.DeliveryStatus;
import ai.kubernaut.contracts.notification.DeliveryView;
import ai.kubernaut.contracts.notification.NotificationView;
import ai.kubernaut.notification.ApiClient;
import ai.kubernaut.notification.CountingChannel;
import ai.kubernaut.notification.ServiceIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Identical notifications within the grouping window (5 minutes) become one held message
 * with a count; a rate-limited receiver (2 per hour in the test configuration) gets no
 * more than its bucket allows, and the rest waits without using attempts.
 */
@ServiceIntegrationTest
class GroupingAndRateLimitTest {

	@Autowired
	RestTestClient http;

	@Autowired
	JsonMapper json;

	@Autowired
	CountingChannel counting;

	private ApiClient api;

	@BeforeEach
	void setUp() {
		this.api = new ApiClient(this.http, this.json);
	}

	@Test
	void sendsTheFirstOfAGroupAtOnceAndGathersTheRestIntoOneHeldMessageWithACount() {
		String groupKey = "fingerprint-" + UUID.randomUUID();

		NotificationView first = this.api.accept(grouped(groupKey));
		// Until the first is sent, a repeat simply joins it; the held message starts once
		// it is out.
		assertThat(this.api.awaitSettled(first.notificationId()).status()).isEqualTo(DeliveryStatus.DELIVERED);
		NotificationView second = this.api.accept(grouped(groupKey));
		NotificationView third = this.api.accept(grouped(groupKey));
		NotificationView fourth = this.api.accept(grouped(groupKey));

		assertThat(second.notificationId()).isNotEqualTo(first.notificationId());
		assertThat(third.notificationId()).isEqualTo(second.notificationId());
		assertThat(fourth.notificationId()).isEqualTo(second.notificationId());
		NotificationView held = this.api.get(second.notificationId());
		assertThat(held.occurrences()).isEqualTo(3);
		assertThat(held.groupKey()).isEqualTo(groupKey);
		assertThat(held.status()).isEqualTo(DeliveryStatus.PENDING);
		assertThat(held.deliveries()).allSatisfy((delivery) -> {
			assertThat(delivery.attempts()).isZero();
			assertThat(delivery.nextAttemptAt()).isEqualTo(first.createdAt().plus(Duration.ofMinutes(5)));
		});
		assertThat(this.counting.sends(second.notificationId())).isZero();
	}

	@Test
	void keepsAnotherTypeOrKeyOutOfTheGroup() {
		String groupKey = "fingerprint-" + UUID.randomUUID();
		NotificationView first = this.api.accept(grouped(groupKey));

		NotificationView otherType = this.api.accept(grouped(groupKey).put("type", "ESCALATION"));
		NotificationView otherKey = this.api.accept(grouped(groupKey + "-other"));

		assertThat(this.api.awaitSettled(otherType.notificationId()).status()).isEqualTo(DeliveryStatus.DELIVERED);
		assertThat(this.api.awaitSettled(otherKey.notificationId()).status()).isEqualTo(DeliveryStatus.DELIVERED);
		assertThat(this.api.awaitSettled(first.notificationId()).occurrences()).isEqualTo(1);
	}

	@Test
	void holdsDeliveriesOverTheReceiversRateLimitWithoutUsingAttempts() {
		UUID a = this.api.accept(this.api.routedTo("limited")).notificationId();
		UUID b = this.api.accept(this.api.routedTo("limited")).notificationId();
		UUID c = this.api.accept(this.api.routedTo("limited")).notificationId();

		await().atMost(ApiClient.PATIENCE)
			.until(() -> this.counting.sends(a) + this.counting.sends(b) + this.counting.sends(c) == 2);
		UUID held = (this.counting.sends(c) == 0) ? c : (this.counting.sends(b) == 0) ? b : a;
		DeliveryView waiting = await().atMost(ApiClient.PATIENCE)
			.until(() -> this.api.get(held).deliveries().get(0), (delivery) -> delivery.nextAttemptAt()
				.isAfter(java.time.Instant.now().plus(Duration.ofMinutes(10))));
		assertThat(waiting.status()).isEqualTo(DeliveryStatus.PENDING);
		assertThat(waiting.attempts()).isZero();
		assertThat(this.counting.sends(held)).isZero();
	}

	private ObjectNode grouped(String groupKey) {
		return this.api.routedTo("counting").put("type", "REMEDIATION_FAILED").put("groupKey", groupKey);
	}

}
