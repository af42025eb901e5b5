package ai.kubernaut.notification.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ai.kubernaut.contracts.notification.DeliveryStatus;
import ai.kubernaut.contracts.notification.NotificationType;
import ai.kubernaut.contracts.notification.NotificationView;
import ai.kubernaut.contracts.notification.SendNotificationRequest;
import ai.kubernaut.notification.CountingChannel;
import ai.kubernaut.notification.NotificationApplication;
import ai.kubernaut.notification.ScriptedChannel;
import ai.kubernaut.notification.ServiceIntegrationTest;
import ai.kubernaut.notification.peers.TestPeers;
import ai.kubernaut.testsupport.postgres.TestDatabaseConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A notification accepted by an instance that stops before delivering it is delivered,
 * exactly once, by the next instance on the same database. The shared test context's
 * poller is paused meanwhile, so only the restarted instance can deliver.
 */
@ServiceIntegrationTest
class RestartSurvivalTest {

	@Autowired
	DeliveryPoller sharedPoller;

	@Autowired
	CountingChannel sharedCounting;

	@Test
	void deliversANotificationAcceptedBeforeARestartOnceAfterIt() {
		this.sharedPoller.stop();
		try {
			UUID id;
			try (ConfigurableApplicationContext before = start(false)) {
				id = before.getBean(Notifications.class)
					.accept(new SendNotificationRequest(NotificationType.ESCALATION, "critical", null,
							"Escalation: data-service keeps crashing", "Manual action needed.", Map.of(), null, null,
							null, Map.of("route", "counting"), null, null, null));
				NotificationView accepted = before.getBean(Notifications.class).get(id);
				assertThat(accepted.status()).isEqualTo(DeliveryStatus.PENDING);
				assertThat(accepted.deliveries()).singleElement()
					.satisfies((delivery) -> assertThat(delivery.attempts()).isZero());
				assertThat(before.getBean(CountingChannel.class).sends(id)).isZero();
			}

			try (ConfigurableApplicationContext after = start(true)) {
				Notifications notifications = after.getBean(Notifications.class);
				NotificationView delivered = await().atMost(Duration.ofSeconds(15))
					.until(() -> notifications.get(id), (view) -> view.status() == DeliveryStatus.DELIVERED);
				assertThat(delivered.deliveries()).singleElement()
					.satisfies((delivery) -> assertThat(delivery.attempts()).isEqualTo(1));
				assertThat(after.getBean(CountingChannel.class).sends(id)).isEqualTo(1);
				assertThat(this.sharedCounting.sends(id)).isZero();
			}
		}
		finally {
			this.sharedPoller.start();
		}
	}

	private static ConfigurableApplicationContext start(boolean delivering) {
		return NotificationApplication.application()
			.sources(TestDatabaseConfiguration.class, ScriptedChannel.Configuration.class,
					CountingChannel.Configuration.class)
			.initializers(new TestPeers())
			.profiles("test")
			.properties("server.port=0", "kubernaut.notification.delivery.enabled=" + delivering)
			.run();
	}

}
