package ai.kubernaut.notification.channel;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import ai.kubernaut.contracts.notification.NotificationType;
import ai.kubernaut.notification.NotificationFixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelFormatsTest {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void convertsMarkdownToSlackMrkdwn() {
		assertThat(Markdown.toSlack("## Plan\n**Step** *one* uses `kubectl` & [docs](https://example.com/a) <x>"))
			.isEqualTo("*Plan*\n*Step* _one_ uses `kubectl` &amp; <https://example.com/a|docs> &lt;x&gt;");
	}

	@Test
	void offersOnlyLinksAndNoInteractiveButtonsOutsideApprovalRequests() {
		Notification approval = NotificationFixtures.approvalRequest(UUID.randomUUID());
		Notification escalation = new Notification(approval.id(), NotificationType.ESCALATION, "high", null,
				approval.subject(), approval.body(), approval.fields(), null, null, null, Map.of(), null,
				approval.actions(), null, 3, approval.createdAt());

		JsonNode blocks = SlackMessage.of(escalation, this.json).get("blocks");

		assertThat(blocks.valueStream().map((block) -> block.path("block_id").asString("")))
			.doesNotContain(SlackMessage.APPROVAL_BLOCK)
			.contains(SlackMessage.LINKS_BLOCK);
		assertThat(blocks.get(0).get("text").get("text").asString()).isEqualTo("⚠️ " + approval.subject() + " (×3)");
		assertThat(blocks.get(blocks.size() - 1).toString()).contains("*Occurrences:* 3");
	}

	@Test
	void mapsNotificationTypesToPagerDutyEventActionsWithAStableDedupKey() {
		PagerDutyChannel pagerDuty = new PagerDutyChannel("pagerduty",
				new PagerDutySettings("pagerduty", "key",
						java.net.URI.create("https://events.pagerduty.com/v2/enqueue"), "kubernaut",
						java.time.Duration.ofSeconds(10)),
				null, this.json);
		Notification approval = NotificationFixtures.approvalRequest(UUID.randomUUID());

		assertThat(pagerDuty.event(approval).get("event_action").asString()).isEqualTo("trigger");
		assertThat(pagerDuty.event(approval).get("dedup_key").asString())
			.isEqualTo(approval.remediationId().toString());
		assertThat(pagerDuty.event(approval).get("payload").get("component").asString())
			.isEqualTo("Deployment/demo-telemetry/data-service");
		assertThat(pagerDuty.event(with(approval, NotificationType.REMEDIATION_STARTED)).get("event_action").asString())
			.isEqualTo("acknowledge");
		assertThat(
				pagerDuty.event(with(approval, NotificationType.REMEDIATION_COMPLETED)).get("event_action").asString())
			.isEqualTo("resolve");
	}

	@Test
	void signsWebhookBodiesWithHexHmacSha256() {
		// RFC 4231 test case 2.
		assertThat(WebhookChannel.sign("Jefe", "what do ya want for nothing?"))
			.isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
	}

	@Test
	void putsTheSameLinksInBothEmailParts() {
		Notification approval = NotificationFixtures.approvalRequest(UUID.randomUUID());

		assertThat(EmailChannel.text(approval)).contains("Approve: " + NotificationFixtures.APPROVE_LINK)
			.contains("Reject: " + NotificationFixtures.REJECT_LINK);
		assertThat(EmailChannel.html(approval))
			.contains("<a href=\"" + NotificationFixtures.APPROVE_LINK + "\">Approve</a>")
			.contains("<a href=\"" + NotificationFixtures.REJECT_LINK + "\">Reject</a>");
	}

	private static Notification with(Notification notification, NotificationType type) {
		return new Notification(notification.id(), type, notification.severity(), null, notification.subject(),
				notification.body(), notification.fields(), notification.remediationId(), null, null, Map.of(), null,
				List.of(), null, 1, notification.createdAt());
	}

}
