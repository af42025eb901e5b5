package ai.kubernaut.notification.channel;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which channels notifications go to.
 *
 * @param channels names of {@link NotificationChannel}s, e.g. {@code [log]} (the
 * default); a name no channel has stops the service at startup
 */
@Validated
@ConfigurationProperties("kubernaut.notification")
record ChannelProperties(@DefaultValue("log") @NotEmpty List<@NotBlank String> channels) {

	ChannelProperties {
		channels = List.copyOf(channels);
	}

}
