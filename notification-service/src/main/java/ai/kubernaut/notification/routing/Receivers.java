package ai.kubernaut.notification.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

import ai.kubernaut.notification.channel.ChannelFactory;
import ai.kubernaut.notification.channel.EmailSettings;
import ai.kubernaut.notification.channel.Notification;
import ai.kubernaut.notification.channel.NotificationChannel;
import ai.kubernaut.notification.channel.PagerDutySettings;
import ai.kubernaut.notification.channel.SlackSettings;
import ai.kubernaut.notification.channel.TeamsSettings;
import ai.kubernaut.notification.channel.WebhookSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The configured receivers with their channel instances, checked at startup, and which of
 * them a notification goes to.
 */
@Component
public class Receivers {

	private static final Logger log = LoggerFactory.getLogger(Receivers.class);

	private final RoutingTree tree;

	private final Map<String, Map<String, NotificationChannel>> channels = new LinkedHashMap<>();

	private final Map<String, RateLimit> rateLimits = new HashMap<>();

	Receivers(RoutingProperties properties, ChannelFactory factory) {
		List<String> problems = RoutingValidator.problems(properties, Set.copyOf(factory.beanChannelNames()),
				factory.mailConfigured());
		if (!problems.isEmpty()) {
			throw new RoutingConfigurationException(problems);
		}
		for (Receiver receiver : properties.receivers()) {
			Map<String, NotificationChannel> instances = new LinkedHashMap<>();
			receiver.channels().forEach((name) -> instances.put(name, factory.beanChannel(name).orElseThrow()));
			each(receiver.slack(), "slack", (name, settings) -> instances.put(name, factory.slack(name, settings)));
			each(receiver.email(), "email", (name, settings) -> instances.put(name, factory.email(name, settings)));
			each(receiver.webhook(), "webhook",
					(name, settings) -> instances.put(name, factory.webhook(name, settings)));
			each(receiver.teams(), "teams", (name, settings) -> instances.put(name, factory.teams(name, settings)));
			each(receiver.pagerduty(), "pagerduty",
					(name, settings) -> instances.put(name, factory.pagerDuty(name, settings)));
			this.channels.put(receiver.name(), instances);
			if (receiver.rateLimit() != null) {
				this.rateLimits.put(receiver.name(), receiver.rateLimit());
			}
			log.info("Notification receiver '{}': channels {}", receiver.name(), instances.keySet());
		}
		this.tree = new RoutingTree(properties.routing());
	}

	/**
	 * The deliveries a notification needs: every channel of every receiver the routing
	 * tree chooses.
	 */
	public List<Target> targetsFor(Notification notification) {
		List<Target> targets = new ArrayList<>();
		for (String receiver : this.tree.receiversFor(notification)) {
			this.channels.get(receiver).keySet().forEach((channel) -> targets.add(new Target(receiver, channel)));
		}
		return targets;
	}

	/**
	 * The channel of a stored delivery; none when the configuration has changed since.
	 */
	public Optional<NotificationChannel> find(String receiver, String channel) {
		return Optional.ofNullable(this.channels.getOrDefault(receiver, Map.of()).get(channel));
	}

	/**
	 * Every configured delivery target, for metrics that should report zeros.
	 */
	public List<Target> all() {
		List<Target> all = new ArrayList<>();
		this.channels.forEach((receiver, instances) -> instances.keySet()
			.forEach((channel) -> all.add(new Target(receiver, channel))));
		return all;
	}

	public Optional<RateLimit> rateLimit(String receiver) {
		return Optional.ofNullable(this.rateLimits.get(receiver));
	}

	/**
	 * The names of a receiver's channels in delivery order: bean channels as listed, then
	 * each configured instance under its {@code name}, else its type, else its type and
	 * position ({@code slack-2}) when the type occurs more than once.
	 */
	static List<String> channelNames(Receiver receiver) {
		List<String> names = new ArrayList<>(receiver.channels());
		each(receiver.slack(), "slack", (name, settings) -> names.add(name));
		each(receiver.email(), "email", (name, settings) -> names.add(name));
		each(receiver.webhook(), "webhook", (name, settings) -> names.add(name));
		each(receiver.teams(), "teams", (name, settings) -> names.add(name));
		each(receiver.pagerduty(), "pagerduty", (name, settings) -> names.add(name));
		return names;
	}

	private static <S> void each(List<S> settings, String type, BiConsumer<String, S> action) {
		for (int i = 0; i < settings.size(); i++) {
			S one = settings.get(i);
			String configured = nameOf(one);
			action.accept((configured != null) ? configured : (i == 0) ? type : type + "-" + (i + 1), one);
		}
	}

	private static String nameOf(Object settings) {
		return switch (settings) {
			case SlackSettings s -> s.name();
			case EmailSettings s -> s.name();
			case WebhookSettings s -> s.name();
			case TeamsSettings s -> s.name();
			case PagerDutySettings s -> s.name();
			default -> null;
		};
	}

}
