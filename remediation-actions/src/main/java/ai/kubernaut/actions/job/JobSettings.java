package ai.kubernaut.actions.job;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How workflow Jobs run.
 *
 * @param namespace where the Jobs are created; Kubernaut's {@code kubernaut-workflows}
 * when absent
 * @param serviceAccountName the service account the Jobs run as, unless a workflow names
 * its own; the namespace's default when absent
 * @param ttlAfterFinished how long a finished Job (and so the lock its name holds) is
 * kept; 10 minutes when absent
 * @param defaultDeadline a Job's {@code activeDeadlineSeconds} unless a step gives
 * {@code TIMEOUT}; 30 minutes when absent
 * @param bundles the image that carries out each bundle action, by action name (e.g.
 * {@code backup_data}); names match ignoring case, {@code -} and {@code _}, so a key that
 * Spring's relaxed binding turned into {@code backupdata} still finds its action
 */
public record JobSettings(String namespace, String serviceAccountName, Duration ttlAfterFinished,
		Duration defaultDeadline, Map<String, String> bundles) {

	public static final String DEFAULT_NAMESPACE = "kubernaut-workflows";

	public static final String BUNDLES_PROPERTY = "kubernaut.engine.jobs.bundles";

	public JobSettings {
		namespace = (namespace == null || namespace.isBlank()) ? DEFAULT_NAMESPACE : namespace;
		ttlAfterFinished = Objects.requireNonNullElse(ttlAfterFinished, Duration.ofMinutes(10));
		defaultDeadline = Objects.requireNonNullElse(defaultDeadline, Duration.ofMinutes(30));
		bundles = Map.copyOf(Objects.requireNonNullElse(bundles, Map.of()));
	}

	public static JobSettings defaults() {
		return new JobSettings(null, null, null, null, null);
	}

	/**
	 * The image configured for a bundle action.
	 */
	public Optional<String> bundle(String action) {
		String wanted = normalize(action);
		return this.bundles.entrySet()
			.stream()
			.filter((entry) -> normalize(entry.getKey()).equals(wanted))
			.map(Map.Entry::getValue)
			.filter((image) -> image != null && !image.isBlank())
			.findFirst();
	}

	private static String normalize(String name) {
		return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace("[", "").replace("]", "");
	}

}
