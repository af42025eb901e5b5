package ai.kubernaut.notification.channel;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ai.kubernaut.contracts.notification.NotificationType;
import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ChannelRegistryTest {

	private static final NotificationChannel LOG = new LogChannel();

	private static final NotificationChannel PAGER = new NamedChannel("pager");

	@Test
	void routesEveryNotificationToTheConfiguredChannelsInOrder() {
		ChannelRegistry registry = new ChannelRegistry(List.of(LOG, PAGER),
				new ChannelProperties(List.of("pager", "log", "pager")));

		assertThat(registry.channelsFor(aNotification())).containsExactly("pager", "log");
		assertThat(registry.find("pager")).containsSame(PAGER);
	}

	@Test
	void findsNoChannelThatIsAvailableButNotConfigured() {
		ChannelRegistry registry = new ChannelRegistry(List.of(LOG, PAGER), new ChannelProperties(List.of("log")));

		assertThat(registry.find("pager")).isEmpty();
		assertThat(registry.find("slack")).isEmpty();
	}

	@Test
	void refusesToStartWithAnUnknownChannelAndSaysWhichExist() {
		assertThatExceptionOfType(UnknownChannelException.class)
			.isThrownBy(() -> new ChannelRegistry(List.of(LOG, PAGER), new ChannelProperties(List.of("log", "slak"))))
			.withMessage(
					"kubernaut.notification.channels names unknown channel(s) [slak]; available channels: [log, pager]");
	}

	@Test
	void explainsAnUnknownChannelInTheStartupReport() {
		UnknownChannelException failure = new UnknownChannelException(List.of("slak"), List.of("log"));

		FailureAnalysis analysis = new UnknownChannelFailureAnalyzer().analyze(new RuntimeException(failure));

		assertThat(analysis.getDescription()).contains("[slak]");
		assertThat(analysis.getAction()).contains("[log]").contains("kubernaut.notification.channels");
	}

	@Test
	void refusesTwoChannelsWithOneName() {
		assertThatIllegalStateException().isThrownBy(
				() -> new ChannelRegistry(List.of(LOG, new NamedChannel("log")), new ChannelProperties(List.of("log"))))
			.withMessageContaining("both named 'log'");
	}

	private static Notification aNotification() {
		return new Notification(UUID.randomUUID(), NotificationType.ESCALATION, "warning", "subject", "body", Map.of(),
				null, Instant.now());
	}

	private record NamedChannel(String name) implements NotificationChannel {

		@Override
		public void send(Notification notification) {
		}

	}

}
