package ai.kubernaut.notification.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Grouping of identical notifications: same {@code groupKey} and type.
 *
 * @param window within this time of a group's last message, further notifications of the
 * group are not sent one by one: they are gathered into one message sent when the window
 * ends, carrying their count. {@code 0} turns grouping off
 */
@ConfigurationProperties("kubernaut.notification.grouping")
record GroupingProperties(@DefaultValue("5m") Duration window) {

	GroupingProperties {
		if (window.isNegative()) {
			throw new IllegalArgumentException("kubernaut.notification.grouping.window must not be negative");
		}
	}

	boolean enabled() {
		return !this.window.isZero();
	}

}
