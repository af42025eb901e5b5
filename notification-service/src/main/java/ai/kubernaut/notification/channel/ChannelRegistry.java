package ai.kubernaut.notification.channel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

/**
 * The configured channels, checked at startup, and which of them a notification goes to.
 */
@Component
public class ChannelRegistry {

	private final Map<String, NotificationChannel> available = new TreeMap<>();

	private final List<String> configured;

	ChannelRegistry(List<NotificationChannel> channels, ChannelProperties properties) {
		for (NotificationChannel channel : channels) {
			NotificationChannel clash = this.available.put(channel.name(), channel);
			if (clash != null) {
				throw new IllegalStateException("Notification channels " + clash.getClass().getName() + " and "
						+ channel.getClass().getName() + " are both named '" + channel.name() + "'");
			}
		}
		Set<String> names = new LinkedHashSet<>(properties.channels());
		List<String> unknown = new ArrayList<>(names);
		unknown.removeAll(this.available.keySet());
		if (!unknown.isEmpty()) {
			throw new UnknownChannelException(unknown, this.available.keySet());
		}
		this.configured = List.copyOf(names);
	}

	/**
	 * Every configured channel, in configuration order.
	 */
	public List<String> configured() {
		return this.configured;
	}

	/**
	 * The channels a notification is delivered through, in configuration order. Today
	 * every configured channel; this is where routing rules (by type, severity,
	 * namespace, team) will choose.
	 */
	public List<String> channelsFor(Notification notification) {
		return this.configured;
	}

	/**
	 * The channel called {@code name}, if it is configured. A delivery stored for a
	 * channel that has since been removed from the configuration finds none.
	 */
	public Optional<NotificationChannel> find(String name) {
		return this.configured.contains(name) ? Optional.of(this.available.get(name)) : Optional.empty();
	}

}
