package ai.kubernaut.notification.routing;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who gets which notification: the routing tree and its receivers. Without any
 * configuration every notification goes to the receiver {@code default}, which writes it
 * to the log. Checked at startup by {@link RoutingConfiguration}; problems stop the
 * service with a report listing each of them.
 *
 * @param routing the root of the routing tree; its receiver is the default receiver
 * @param receivers the receivers
 */
@ConfigurationProperties("kubernaut.notification")
public record RoutingProperties(Route routing, List<Receiver> receivers) {

	static final String DEFAULT_RECEIVER = "default";

	public RoutingProperties {
		if (receivers == null || receivers.isEmpty()) {
			receivers = List.of(new Receiver(DEFAULT_RECEIVER, List.of("log"), null, null, null, null, null, null));
		}
		else {
			receivers = List.copyOf(receivers);
		}
		if (routing == null) {
			routing = new Route(DEFAULT_RECEIVER, null, false, null);
		}
	}

}
