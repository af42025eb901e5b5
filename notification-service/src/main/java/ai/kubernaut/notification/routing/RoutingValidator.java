package ai.kubernaut.notification.routing;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import ai.kubernaut.contracts.notification.NotificationType;
import ai.kubernaut.notification.channel.EmailSettings;
import ai.kubernaut.notification.channel.PagerDutySettings;
import ai.kubernaut.notification.channel.SlackSettings;
import ai.kubernaut.notification.channel.TeamsSettings;
import ai.kubernaut.notification.channel.WebhookSettings;

/**
 * Finds every problem in a routing configuration, each as one sentence naming the
 * property. Pure, so every rule is unit-tested without starting Spring.
 */
final class RoutingValidator {

	private static final String RECEIVERS = "kubernaut.notification.receivers";

	private final Set<String> beanChannels;

	private final boolean mailConfigured;

	private final List<String> problems = new ArrayList<>();

	private RoutingValidator(Set<String> beanChannels, boolean mailConfigured) {
		this.beanChannels = beanChannels;
		this.mailConfigured = mailConfigured;
	}

	static List<String> problems(RoutingProperties properties, Set<String> beanChannels, boolean mailConfigured) {
		RoutingValidator validator = new RoutingValidator(beanChannels, mailConfigured);
		validator.check(properties);
		return List.copyOf(validator.problems);
	}

	private void check(RoutingProperties properties) {
		Set<String> names = new HashSet<>();
		for (int i = 0; i < properties.receivers().size(); i++) {
			Receiver receiver = properties.receivers().get(i);
			String at = RECEIVERS + "[" + i + "]";
			if (blank(receiver.name())) {
				this.problems.add(at + ".name is missing");
			}
			else if (!names.add(receiver.name())) {
				this.problems.add(at + ".name '" + receiver.name() + "' is used by another receiver");
			}
			checkReceiver(receiver, at);
		}
		if (properties.routing().receiver() == null) {
			this.problems.add("kubernaut.notification.routing.receiver (the default receiver) is missing");
		}
		if (!properties.routing().match().equals(Match.ALL)) {
			this.problems.add("kubernaut.notification.routing.match must be empty: the root route matches every"
					+ " notification; put matches on routes below it");
		}
		checkRoute(properties.routing(), "kubernaut.notification.routing", names);
	}

	private void checkReceiver(Receiver receiver, String at) {
		List<String> channelNames = Receivers.channelNames(receiver);
		if (channelNames.isEmpty()) {
			this.problems.add(at + " ('" + receiver.name() + "') has no channel");
		}
		Set<String> seen = new HashSet<>();
		for (String name : channelNames) {
			if (!seen.add(name)) {
				this.problems.add(at + " ('" + receiver.name() + "') has two channels named '" + name
						+ "'; give them distinct names");
			}
		}
		for (int j = 0; j < receiver.channels().size(); j++) {
			String channel = receiver.channels().get(j);
			if (!this.beanChannels.contains(channel)) {
				this.problems.add(at + ".channels[" + j + "] names unknown channel '" + channel
						+ "'; available without configuration: " + this.beanChannels.stream().sorted().toList()
						+ " (Slack, e-mail, webhook, Teams and PagerDuty are configured under slack, email, webhook,"
						+ " teams, pagerduty)");
			}
		}
		for (int j = 0; j < receiver.slack().size(); j++) {
			SlackSettings slack = receiver.slack().get(j);
			String path = at + ".slack[" + j + "]";
			if ((slack.webhookUrl() != null) == !blank(slack.botToken())) {
				this.problems.add(path + " needs exactly one of webhook-url and bot-token");
			}
			if (!blank(slack.botToken()) && blank(slack.channel())) {
				this.problems.add(path + ".channel is required with bot-token");
			}
			url(slack.webhookUrl(), path + ".webhook-url");
			url(slack.apiUrl(), path + ".api-url");
		}
		for (int j = 0; j < receiver.email().size(); j++) {
			EmailSettings email = receiver.email().get(j);
			String path = at + ".email[" + j + "]";
			if (email.to().isEmpty() || email.to().stream().anyMatch(RoutingValidator::blank)) {
				this.problems.add(path + ".to needs at least one address");
			}
			if (blank(email.from())) {
				this.problems.add(path + ".from is missing");
			}
			if (!this.mailConfigured) {
				this.problems.add(path + " needs an SMTP server: set spring.mail.host (and port, username, password)");
			}
		}
		for (int j = 0; j < receiver.webhook().size(); j++) {
			WebhookSettings webhook = receiver.webhook().get(j);
			String path = at + ".webhook[" + j + "]";
			if (webhook.url() == null) {
				this.problems.add(path + ".url is missing");
			}
			url(webhook.url(), path + ".url");
			if (webhook.secret() != null && webhook.secret().length() < 16) {
				this.problems.add(path + ".secret must have at least 16 characters");
			}
		}
		for (int j = 0; j < receiver.teams().size(); j++) {
			TeamsSettings teams = receiver.teams().get(j);
			String path = at + ".teams[" + j + "]";
			if (teams.webhookUrl() == null) {
				this.problems.add(path + ".webhook-url is missing");
			}
			url(teams.webhookUrl(), path + ".webhook-url");
		}
		for (int j = 0; j < receiver.pagerduty().size(); j++) {
			PagerDutySettings pagerDuty = receiver.pagerduty().get(j);
			String path = at + ".pagerduty[" + j + "]";
			if (blank(pagerDuty.routingKey())) {
				this.problems.add(path + ".routing-key is missing");
			}
			url(pagerDuty.url(), path + ".url");
		}
		RateLimit limit = receiver.rateLimit();
		if (limit != null
				&& (limit.messages() < 1 || limit.per() == null || limit.per().isNegative() || limit.per().isZero())) {
			this.problems.add(at + ".rate-limit needs messages >= 1 and a positive per (e.g. messages: 30, per: 1m)");
		}
	}

	private void checkRoute(Route route, String at, Set<String> receivers) {
		if (route.receiver() != null && !receivers.contains(route.receiver())) {
			this.problems.add(at + ".receiver names unknown receiver '" + route.receiver() + "'; receivers: "
					+ receivers.stream().sorted().toList());
		}
		for (String type : route.match().type()) {
			String name = Match.typeName(type);
			if (Arrays.stream(NotificationType.values()).noneMatch((known) -> known.name().equals(name))) {
				this.problems.add(at + ".match.type has unknown type '" + type + "'; types: "
						+ Arrays.stream(NotificationType.values())
							.map((known) -> known.name().toLowerCase(Locale.ROOT).replace('_', '-'))
							.toList());
			}
		}
		for (int i = 0; i < route.routes().size(); i++) {
			checkRoute(route.routes().get(i), at + ".routes[" + i + "]", receivers);
		}
	}

	private void url(URI url, String path) {
		if (url != null && (url.getHost() == null
				|| !("https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme())))) {
			// Only the property is named: the URL itself may be a credential.
			this.problems.add(path + " must be an absolute http(s) URL");
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
