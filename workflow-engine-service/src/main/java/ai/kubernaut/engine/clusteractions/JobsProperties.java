package ai.kubernaut.engine.clusteractions;

import java.time.Duration;
import java.util.Map;

import ai.kubernaut.actions.job.JobSettings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How workflow Jobs ({@code run_job}, bundle actions, {@code engine: job} workflows) run.
 *
 * @param namespace where Jobs are created; {@code kubernaut-workflows}
 * @param serviceAccountName the service account Jobs run as unless a workflow names its
 * own; the namespace's default when unset
 * @param ttlAfterFinished how long a finished Job, and so its target's lock, is kept; 10m
 * @param defaultDeadline a Job's {@code activeDeadlineSeconds} unless the step gives
 * {@code TIMEOUT}; 30m
 * @param pollInterval how often a running Job (and a rollout, health check or drain) is
 * looked at; 2s
 * @param bundles the image for each bundle action, e.g. {@code backup_data:
 * registry/backup@sha256:...}; write keys with underscores in brackets in YAML
 * ({@code "[backup_data]"}) or with dashes ({@code backup-data}), both are found
 */
@Validated
@ConfigurationProperties("kubernaut.engine.jobs")
public record JobsProperties(String namespace, String serviceAccountName, Duration ttlAfterFinished,
		Duration defaultDeadline, Duration pollInterval, Map<String, String> bundles) {

	public JobsProperties {
		pollInterval = (pollInterval != null) ? pollInterval : Duration.ofSeconds(2);
	}

	JobSettings toSettings() {
		return new JobSettings(this.namespace, this.serviceAccountName, this.ttlAfterFinished, this.defaultDeadline,
				this.bundles);
	}

}
