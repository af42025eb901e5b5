package ai.kubernaut.notification.channel;

import java.util.Collection;

/**
 * Configuration names a channel that no {@link NotificationChannel} provides. Raised at
 * startup, so a typo in {@code kubernaut.notification.channels} stops the service instead
 * of silently dropping notifications.
 */
class UnknownChannelException extends IllegalStateException {

	private final Collection<String> unknown;

	private final Collection<String> available;

	UnknownChannelException(Collection<String> unknown, Collection<String> available) {
		super("kubernaut.notification.channels names unknown channel(s) " + unknown + "; available channels: "
				+ available);
		this.unknown = unknown;
		this.available = available;
	}

	Collection<String> unknown() {
		return this.unknown;
	}

	Collection<String> available() {
		return this.available;
	}

}
