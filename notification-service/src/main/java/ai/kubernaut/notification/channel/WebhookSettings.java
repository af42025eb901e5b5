package ai.kubernaut.notification.channel;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A generic webhook channel of a receiver: the notification as JSON, signed.
 *
 * @param name the channel's name within the receiver; {@code webhook} by default
 * @param url where to POST
 * @param secret the HMAC-SHA256 key of the {@code X-Kubernaut-Signature} header; a
 * secret. Without it the header is left out
 * @param headers further headers, e.g. an {@code Authorization}; values are secrets
 * @param timeout how long one attempt may take
 */
public record WebhookSettings(String name, URI url, String secret, Map<String, String> headers,
		@DefaultValue("10s") Duration timeout) {

	public WebhookSettings {
		headers = (headers == null) ? Map.of() : Map.copyOf(headers);
	}

	@Override
	public String toString() {
		return "WebhookSettings[name=" + this.name + ", url=" + Secrets.mask(this.url) + ", secret="
				+ Secrets.mask(this.secret) + ", headers=" + this.headers.keySet() + "]";
	}

}
