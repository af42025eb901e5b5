package ai.kubernaut.notification.channel;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ai.kubernaut.contracts.notification.NotificationType;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

import static org.assertj.core.api.Assertions.assertThat;

class LogChannelTest {

	private final Logger logger = (Logger) LoggerFactory.getLogger("kubernaut.notifications");

	private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

	@BeforeEach
	void capture() {
		this.lines.start();
		this.logger.addAppender(this.lines);
	}

	@AfterEach
	void release() {
		this.logger.detachAppender(this.lines);
	}

	@Test
	void writesOneLinePerNotificationWhateverTheBodyHolds() {
		UUID id = UUID.fromString("0b4f1a52-3c8e-4d2a-9a41-5c6d7e8f9a0b");
		Notification notification = new Notification(id, NotificationType.REMEDIATION_FAILED, "critical", null,
				"Remediation failed: \"data-service\"", "**Step** scale failed\nsee the run\tlog",
				Map.of("workflow", "scale-replicas-v1"), null, null, null, Map.of(), null, List.of(), null, 1,
				Instant.parse("2025-06-01T03:00:00Z"));

		new LogChannel().send(notification);

		assertThat(this.lines.list).singleElement().satisfies((line) -> {
			assertThat(line.getFormattedMessage()).doesNotContain("\n")
				.doesNotContain("\t")
				.isEqualTo("notification id=" + id + " type=REMEDIATION_FAILED severity=\"critical\" remediationId=null"
						+ " subject=\"Remediation failed: \\\"data-service\\\"\" fields=\"{workflow=scale-replicas-v1}\""
						+ " body=\"**Step** scale failed\\nsee the run\\tlog\"");
			assertThat(line.getKeyValuePairs()).extracting((KeyValuePair pair) -> pair.key)
				.contains("notificationId", "type", "severity", "subject", "fields", "body");
		});
	}

}
