package ai.kubernaut.notification.channel;

import java.util.List;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * An e-mail channel of a receiver, sent through the SMTP server of {@code spring.mail.*}.
 *
 * @param name the channel's name within the receiver; {@code email} by default
 * @param to the recipients
 * @param from the sender address
 * @param subjectPrefix put before every subject
 */
public record EmailSettings(String name, List<String> to, String from,
		@DefaultValue("[Kubernaut] ") String subjectPrefix) {

	public EmailSettings {
		to = (to == null) ? List.of() : List.copyOf(to);
	}

}
