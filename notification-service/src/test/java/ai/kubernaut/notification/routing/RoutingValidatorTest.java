package ai.kubernaut.notification.routing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import ai.kubernaut.notification.channel.EmailSettings;
import ai.kubernaut.notification.channel.PagerDutySettings;
import ai.kubernaut.notification.channel.SlackSettings;
import ai.kubernaut.notification.channel.WebhookSettings;
import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingValidatorTest {

	private static final URI API = URI.create("https://slack.com/api");

	private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

	@Test
	void acceptsTheDefaultConfiguration() {
		assertThat(RoutingValidator.problems(new RoutingProperties(null, null), Set.of("log"), false)).isEmpty();
	}

	@Test
	void namesEveryProblemWithItsProperty() {
		Receiver broken = new Receiver("oncall", List.of("lgo"),
				List.of(new SlackSettings(null, null, null, null, API, null, null, TEN_SECONDS),
						new SlackSettings(null, null, "xoxb-secret-token", null, API, null, null, TEN_SECONDS)),
				List.of(new EmailSettings(null, List.of(), null, "")),
				List.of(new WebhookSettings(null, URI.create("ftp://hooks.example.com/secret-path"), "short", null,
						TEN_SECONDS)),
				null, List.of(new PagerDutySettings(null, " ", URI.create("https://events.pagerduty.com/v2/enqueue"),
						"kubernaut", TEN_SECONDS)),
				new RateLimit(0, Duration.ofMinutes(1)));
		Receiver empty = new Receiver("oncall", null, null, null, null, null, null, null);
		Route routing = new Route("oncall", null, false,
				List.of(new Route("pagerr", new Match(List.of("approval"), null, null, null, null), false, null)));

		List<String> problems = RoutingValidator.problems(new RoutingProperties(routing, List.of(broken, empty)),
				Set.of("log"), false);

		assertThat(problems).containsExactly(
				"kubernaut.notification.receivers[0].channels[0] names unknown channel 'lgo'; available without configuration: [log] (Slack, e-mail, webhook, Teams and PagerDuty are configured under slack, email, webhook, teams, pagerduty)",
				"kubernaut.notification.receivers[0].slack[0] needs exactly one of webhook-url and bot-token",
				"kubernaut.notification.receivers[0].slack[1].channel is required with bot-token",
				"kubernaut.notification.receivers[0].email[0].to needs at least one address",
				"kubernaut.notification.receivers[0].email[0].from is missing",
				"kubernaut.notification.receivers[0].email[0] needs an SMTP server: set spring.mail.host (and port, username, password)",
				"kubernaut.notification.receivers[0].webhook[0].url must be an absolute http(s) URL",
				"kubernaut.notification.receivers[0].webhook[0].secret must have at least 16 characters",
				"kubernaut.notification.receivers[0].pagerduty[0].routing-key is missing",
				"kubernaut.notification.receivers[0].rate-limit needs messages >= 1 and a positive per (e.g. messages: 30, per: 1m)",
				"kubernaut.notification.receivers[1].name 'oncall' is used by another receiver",
				"kubernaut.notification.receivers[1] ('oncall') has no channel",
				"kubernaut.notification.routing.routes[0].receiver names unknown receiver 'pagerr'; receivers: [oncall]",
				"kubernaut.notification.routing.routes[0].match.type has unknown type 'approval'; types: [approval-request, remediation-started, remediation-completed, remediation-failed, escalation, manual-review]");
		assertThat(String.join("\n", problems)).doesNotContain("xoxb-secret-token").doesNotContain("secret-path");
	}

	@Test
	void refusesAMatchOnTheRootRouteSoThatEveryNotificationHasAReceiver() {
		Route root = new Route("default", new Match(null, List.of("critical"), null, null, null), false, null);

		assertThat(RoutingValidator.problems(new RoutingProperties(root, null), Set.of("log"), false)).containsExactly(
				"kubernaut.notification.routing.match must be empty: the root route matches every notification; put matches on routes below it");
	}

	@Test
	void refusesTwoChannelsOfOneReceiverWithTheSameName() {
		URI hook = URI.create("https://hooks.slack.com/services/T/B/X");
		Receiver receiver = new Receiver("oncall", null,
				List.of(new SlackSettings("ops", hook, null, null, API, null, null, TEN_SECONDS),
						new SlackSettings("ops", hook, null, null, API, null, null, TEN_SECONDS)),
				null, null, null, null, null);

		assertThat(RoutingValidator.problems(
				new RoutingProperties(new Route("oncall", null, false, null), List.of(receiver)), Set.of("log"), false))
			.containsExactly(
					"kubernaut.notification.receivers[0] ('oncall') has two channels named 'ops'; give them distinct names");
	}

	@Test
	void namesUnnamedChannelsByTypeAndPosition() {
		URI hook = URI.create("https://hooks.slack.com/services/T/B/X");
		Receiver receiver = new Receiver("oncall", List.of("log"),
				List.of(new SlackSettings(null, hook, null, null, API, null, null, TEN_SECONDS),
						new SlackSettings(null, hook, null, null, API, null, null, TEN_SECONDS),
						new SlackSettings("ops-channel", hook, null, null, API, null, null, TEN_SECONDS)),
				null, null, null, null, null);

		assertThat(Receivers.channelNames(receiver)).containsExactly("log", "slack", "slack-2", "ops-channel");
	}

	@Test
	void explainsEveryProblemInTheStartupReport() {
		RoutingConfigurationException failure = new RoutingConfigurationException(
				List.of("first problem", "second problem"));

		FailureAnalysis analysis = new RoutingConfigurationFailureAnalyzer().analyze(new RuntimeException(failure));

		assertThat(analysis.getDescription()).contains("2 problem(s)").contains(" - first problem\n - second problem");
		assertThat(analysis.getAction()).contains("kubernaut.notification.receivers");
	}

	@Test
	void keepsSecretsOutOfSettingsToString() {
		assertThat(new SlackSettings("ops", URI.create("https://hooks.slack.com/services/T/B/secret"), "xoxb-1", null,
				API, null, null, TEN_SECONDS)
			.toString()).doesNotContain("secret").doesNotContain("xoxb");
	}

}
