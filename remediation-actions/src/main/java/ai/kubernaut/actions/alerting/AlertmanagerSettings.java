package ai.kubernaut.actions.alerting;

import java.net.URI;
import java.time.Duration;

/**
 * Where the Alertmanager is.
 *
 * @param url its base URL, e.g. {@code http://alertmanager:9093}; {@code null} when none
 * is configured, and then silences cannot be set
 * @param timeout for each request
 */
public record AlertmanagerSettings(URI url, Duration timeout) {

	/**
	 * The property that names the URL, for messages that tell an operator what to set.
	 */
	public static final String URL_PROPERTY = "kubernaut.engine.alertmanager.url";

	public AlertmanagerSettings {
		timeout = (timeout != null) ? timeout : Duration.ofSeconds(10);
	}

}
