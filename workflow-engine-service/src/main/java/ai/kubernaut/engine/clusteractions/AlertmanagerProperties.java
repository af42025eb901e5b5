package ai.kubernaut.engine.clusteractions;

import java.net.URI;
import java.time.Duration;

import ai.kubernaut.actions.alerting.AlertmanagerSettings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The Alertmanager {@code silence_alerts} talks to.
 *
 * @param url its base URL, e.g. {@code http://alertmanager.monitoring:9093}; unset, the
 * action is refused at validation, naming this property
 * @param timeout for each request; 10s
 */
@Validated
@ConfigurationProperties("kubernaut.engine.alertmanager")
public record AlertmanagerProperties(URI url, Duration timeout) {

	AlertmanagerSettings toSettings() {
		return new AlertmanagerSettings(this.url, this.timeout);
	}

}
