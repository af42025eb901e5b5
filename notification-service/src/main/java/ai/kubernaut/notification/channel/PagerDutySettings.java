package ai.kubernaut.notification.channel;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A PagerDuty channel of a receiver, through Events API v2.
 *
 * @param name the channel's name within the receiver; {@code pagerduty} by default
 * @param routingKey the integration's routing key; a secret
 * @param url the Events API endpoint
 * @param source the event's {@code payload.source}
 */
public record PagerDutySettings(String name, String routingKey,
		@DefaultValue("https://events.pagerduty.com/v2/enqueue") URI url, @DefaultValue("kubernaut") String source,
		@DefaultValue("10s") Duration timeout) {

	@Override
	public String toString() {
		return "PagerDutySettings[name=" + this.name + ", routingKey=" + Secrets.mask(this.routingKey) + ", url="
				+ this.url + "]";
	}

}
