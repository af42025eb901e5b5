package ai.kubernaut.notification.outbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import ai.kubernaut.contracts.notification.DeliveryStatus;
import ai.kubernaut.contracts.notification.NotificationView;
import ai.kubernaut.notification.ApiClient;
import ai.kubernaut.notification.ServiceIntegrationTest;
import ai.kubernaut.notification.peers.StubHttpServer.Recorded;
import ai.kubernaut.notification.peers.TestPeers;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An approval request reaches the approvers through Slack (exact Block Kit, with Approve
 * / Reject buttons and the signed links) and through e-mail over real SMTP (the same
 * links, in the HTML and the text part).
 */
@ServiceIntegrationTest
class ApprovalRequestDeliveryTest {

	private static final String APPROVE_LINK = "https://approval.example.com/a/3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a?decision=approve&token=signed.approve.token";

	private static final String REJECT_LINK = "https://approval.example.com/a/3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a?decision=reject&token=signed.reject.token";

	@Autowired
	RestTestClient http;

	@Autowired
	JsonMapper json;

	@Test
	void sendsSlackButtonsAndSignedLinksAndTheSameLinksByEmail() throws Exception {
		ApiClient api = new ApiClient(this.http, this.json);
		int slackBefore = TestPeers.http().requests("/slack/approvals").size();
		int mailsBefore = TestPeers.smtp().messages().size();

		NotificationView settled = api
			.awaitSettled(api.accept(api.fixture("approval-request-with-actions.json")).notificationId());

		assertThat(settled.status()).isEqualTo(DeliveryStatus.DELIVERED);
		assertThat(settled.deliveries()).extracting((delivery) -> delivery.receiver() + "/" + delivery.channel())
			.containsExactly("approvers/email", "approvers/slack");

		List<Recorded> slack = TestPeers.http().requests("/slack/approvals");
		assertThat(slack).hasSize(slackBefore + 1);
		Recorded message = slack.get(slack.size() - 1);
		assertThat(message.headers().get("Content-Type")).startsWith("application/json");
		assertThat(this.json.readTree(message.body())).isEqualTo(expected("/slack/approval-request-blocks.json"));

		List<MimeMessage> mails = TestPeers.smtp().messages();
		assertThat(mails).hasSize(mailsBefore + 1);
		MimeMessage mail = mails.get(mails.size() - 1);
		assertThat(mail.getSubject()).isEqualTo("[Kubernaut] Approval Required: KubePodCrashLooping");
		assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("oncall@example.com");
		assertThat(mail.getFrom()).extracting(Object::toString).containsExactly("kubernaut@example.com");
		assertThat(mail.getHeader("X-Kubernaut-Notification-Id")).containsExactly(settled.notificationId().toString());
		String text = part(mail, "text/plain");
		String html = part(mail, "text/html");
		assertThat(text).contains("Approve: " + APPROVE_LINK).contains("Reject: " + REJECT_LINK);
		assertThat(text).contains("target: Deployment/demo-telemetry/data-service")
			.contains("increase-memory-limits -> verify-rollout");
		assertThat(html).contains("<a href=\"" + APPROVE_LINK.replace("&", "&amp;") + "\">Approve</a>")
			.contains("<a href=\"" + REJECT_LINK.replace("&", "&amp;") + "\">Reject</a>")
			.contains("<strong>Signal:</strong> KubePodCrashLooping")
			.contains("<pre>increase-memory-limits -&gt; verify-rollout");
	}

	private JsonNode expected(String resource) {
		try (InputStream in = getClass().getResourceAsStream(resource)) {
			return this.json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The first part of {@code mimeType} anywhere in the message.
	 */
	private static String part(Part part, String mimeType) throws Exception {
		if (part.isMimeType(mimeType)) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				String found = part(child, mimeType);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

}
