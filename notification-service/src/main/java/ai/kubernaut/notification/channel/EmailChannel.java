package ai.kubernaut.notification.channel;

import java.util.Map;

import ai.kubernaut.contracts.notification.NotificationAction;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends the notification as a multipart/alternative e-mail (plain text and HTML) through
 * the SMTP server of {@code spring.mail.*}: the subject, the body, the fields, the graph,
 * and every action with a URL as a link, the same signed links Slack shows. Rejected
 * credentials and refused addresses are permanent; a server that cannot be reached is
 * retried. Timeouts come from {@code spring.mail.properties.mail.smtp.*timeout}.
 */
class EmailChannel implements NotificationChannel {

	private final String name;

	private final EmailSettings settings;

	private final JavaMailSender mail;

	EmailChannel(String name, EmailSettings settings, JavaMailSender mail) {
		this.name = name;
		this.settings = settings;
		this.mail = mail;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public String type() {
		return "email";
	}

	@Override
	public void send(Notification notification) {
		try {
			MimeMessage message = this.mail.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
					"UTF-8");
			helper.setFrom(this.settings.from());
			helper.setTo(this.settings.to().toArray(String[]::new));
			helper.setSubject(this.settings.subjectPrefix() + notification.subjectWithCount());
			helper.setText(text(notification), html(notification));
			message.setHeader("X-Kubernaut-Notification-Id", notification.id().toString());
			message.setHeader("X-Kubernaut-Type", notification.type().name());
			this.mail.send(message);
		}
		catch (MessagingException | MailParseException | MailPreparationException ex) {
			throw DeliveryFailedException.permanent("e-mail could not be built: " + ex.getMessage(), "rejected", ex);
		}
		catch (MailAuthenticationException ex) {
			throw DeliveryFailedException.permanent("SMTP server refused the credentials", "rejected", ex);
		}
		catch (MailSendException ex) {
			boolean refusedAddress = ex.getFailedMessages()
				.values()
				.stream()
				.anyMatch((cause) -> cause instanceof SendFailedException);
			String what = "SMTP send failed: " + ex.getMessage();
			if (refusedAddress) {
				throw DeliveryFailedException.permanent(what, "rejected", ex);
			}
			throw DeliveryFailedException.retryable(what, "network", null, ex);
		}
		catch (MailException ex) {
			throw DeliveryFailedException.retryable("SMTP send failed: " + ex.getMessage(), "network", null, ex);
		}
	}

	static String text(Notification notification) {
		StringBuilder text = new StringBuilder(notification.subjectWithCount()).append("\n\n")
			.append(notification.body())
			.append("\n");
		if (!notification.fields().isEmpty()) {
			text.append('\n');
			notification.fields()
				.entrySet()
				.stream()
				.sorted(Map.Entry.comparingByKey())
				.forEach((field) -> text.append(field.getKey()).append(": ").append(field.getValue()).append('\n'));
		}
		if (notification.graph() != null && !notification.graph().isBlank()) {
			text.append('\n').append(notification.graph()).append('\n');
		}
		boolean heading = false;
		for (NotificationAction action : notification.actions()) {
			if (action.url() != null) {
				if (!heading) {
					text.append('\n');
					heading = true;
				}
				text.append(action.label()).append(": ").append(action.url()).append('\n');
			}
		}
		text.append('\n').append(context(notification)).append('\n');
		return text.toString();
	}

	static String html(Notification notification) {
		StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><body style=\"font-family:sans-serif\">\n");
		html.append("<h2>")
			.append(Markdown
				.escapeHtml(SlackMessage.emoji(notification.severity()) + " " + notification.subjectWithCount()))
			.append("</h2>\n");
		html.append("<p>").append(Markdown.toHtml(notification.body())).append("</p>\n");
		if (!notification.fields().isEmpty()) {
			html.append("<table>\n");
			notification.fields()
				.entrySet()
				.stream()
				.sorted(Map.Entry.comparingByKey())
				.forEach((field) -> html.append("<tr><th align=\"left\">")
					.append(Markdown.escapeHtml(field.getKey()))
					.append("</th><td>")
					.append(Markdown.escapeHtml(field.getValue()))
					.append("</td></tr>\n"));
			html.append("</table>\n");
		}
		if (notification.graph() != null && !notification.graph().isBlank()) {
			html.append("<pre>").append(Markdown.escapeHtml(notification.graph())).append("</pre>\n");
		}
		boolean any = false;
		for (NotificationAction action : notification.actions()) {
			if (action.url() != null) {
				html.append(any ? " " : "<p>")
					.append("<a href=\"")
					.append(Markdown.escapeHtml(action.url().toString()))
					.append("\">")
					.append(Markdown.escapeHtml(action.label()))
					.append("</a>");
				any = true;
			}
		}
		if (any) {
			html.append("</p>\n");
		}
		html.append("<p style=\"color:#666;font-size:small\">")
			.append(Markdown.escapeHtml(context(notification)))
			.append("</p>\n</body></html>\n");
		return html.toString();
	}

	private static String context(Notification notification) {
		String context = "Severity: " + notification.severity() + " | Type: " + notification.type().name();
		if (notification.remediationId() != null) {
			context += " | Remediation: " + notification.remediationId();
		}
		return context + " | Notification: " + notification.id();
	}

}
