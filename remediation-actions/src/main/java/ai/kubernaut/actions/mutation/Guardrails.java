package ai.kubernaut.actions.mutation;

import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import ai.kubernaut.actions.ActionSkippedException;

/**
 * The checks every write to the cluster passes: whether the engine may touch the
 * namespace (or cluster-scoped object) at all, and a client-side limit on how fast it
 * writes, so a storm of remediations cannot overload the API server it is trying to help.
 * Thread-safe; one instance is shared by every action of an engine.
 */
public final class Guardrails {

	/**
	 * Kubernaut's scope rule: only namespaces (and cluster-scoped objects) carrying this
	 * label with value {@code true} are remediated.
	 */
	public static final String MANAGED_LABEL = "kubernaut.ai/managed";

	/**
	 * Throttled writes are tried at most this often.
	 */
	static final int MAX_THROTTLED_ATTEMPTS = 5;

	private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

	private final GuardrailSettings settings;

	private final KubernetesClient client;

	private final Clock clock;

	private final Sleeper sleeper;

	private final double burst;

	private double tokens;

	private Instant refilledAt;

	public Guardrails(GuardrailSettings settings, KubernetesClient client, Clock clock) {
		this(settings, client, clock, Sleeper.THREAD);
	}

	Guardrails(GuardrailSettings settings, KubernetesClient client, Clock clock, Sleeper sleeper) {
		this.settings = settings;
		this.client = client;
		this.clock = clock;
		this.sleeper = sleeper;
		// As client-go: a bucket of twice the rate, so a step that writes a few objects
		// (several PDBs, a drain's evictions) is not slowed, while a storm is.
		this.burst = Math.max(1, Math.floor(2 * settings.writesPerSecond()));
		this.tokens = this.burst;
		this.refilledAt = clock.instant();
	}

	public GuardrailSettings settings() {
		return this.settings;
	}

	/**
	 * Refuses a namespace the engine must not write to.
	 * @throws ActionSkippedException with reason {@code NamespaceDenied},
	 * {@code NamespaceNotAllowed} or {@code NamespaceNotManaged}
	 * @throws IllegalArgumentException if {@code namespace} is blank
	 */
	public void checkScope(String namespace) {
		if (namespace == null || namespace.isBlank()) {
			throw new IllegalArgumentException("A namespace is required to write a namespaced object");
		}
		if (this.settings.deniedNamespaces().contains(namespace)) {
			throw new ActionSkippedException("NamespaceDenied", "Namespace " + namespace
					+ " is on the engine's deny-list (kubernaut.engine.guardrails.denied-namespaces); nothing was written");
		}
		if (!this.settings.allowedNamespaces().isEmpty() && !this.settings.allowedNamespaces().contains(namespace)) {
			throw new ActionSkippedException("NamespaceNotAllowed", "Namespace " + namespace
					+ " is not on the engine's allow-list (kubernaut.engine.guardrails.allowed-namespaces); nothing was written");
		}
		if (this.settings.requireManagedNamespace()) {
			Namespace object = this.client.namespaces().withName(namespace).get();
			if (object == null || !isManaged(object)) {
				throw new ActionSkippedException("NamespaceNotManaged",
						"Namespace " + namespace
								+ ((object == null) ? " does not exist" : " is not labelled " + MANAGED_LABEL + "=true")
								+ ", so Kubernaut does not manage it; nothing was written");
			}
		}
	}

	/**
	 * Refuses a cluster-scoped object (a Node, say) that is not marked as managed, when
	 * managed scope is required.
	 * @throws ActionSkippedException with reason {@code ObjectNotManaged}
	 */
	public void checkClusterScoped(HasMetadata object) {
		if (this.settings.requireManagedNamespace() && !isManaged(object)) {
			throw new ActionSkippedException("ObjectNotManaged",
					object.getKind() + " " + object.getMetadata().getName() + " is not labelled " + MANAGED_LABEL
							+ "=true, so Kubernaut does not manage it; nothing was written");
		}
	}

	/**
	 * Blocks until the client-side write rate limit allows one more API write: a token
	 * bucket refilled at {@code writesPerSecond} holding at most twice that (at least
	 * one). A waiting thread has reserved its token and holds no lock, so writers are
	 * served in order.
	 * @throws IllegalStateException if the thread is interrupted while waiting
	 */
	public void beforeWrite() {
		Duration wait;
		synchronized (this) {
			Instant now = this.clock.instant();
			double elapsed = Math.max(0, Duration.between(this.refilledAt, now).toNanos() / 1e9);
			this.tokens = Math.min(this.burst, this.tokens + elapsed * this.settings.writesPerSecond());
			this.refilledAt = now;
			this.tokens -= 1;
			wait = (this.tokens >= 0) ? Duration.ZERO
					: Duration.ofNanos(Math.round(-this.tokens / this.settings.writesPerSecond() * 1e9));
		}
		if (!wait.isZero()) {
			sleep(wait);
		}
	}

	/**
	 * Sends one API write: waits for the rate limit, and when the API server answers 429
	 * Too Many Requests waits as long as it asks ({@code retryAfterSeconds}, 1 s when it
	 * does not say) and tries again, at most {@value #MAX_THROTTLED_ATTEMPTS} times.
	 * @param what the write, for the error message, e.g.
	 * {@code patch Deployment/demo/web}
	 * @throws IllegalStateException if the server asks to wait longer than
	 * {@code maxRetryAfter}, or is still throttling after the last attempt
	 */
	public <T> T write(String what, Supplier<T> call) {
		for (int attempt = 1;; attempt++) {
			beforeWrite();
			try {
				return call.get();
			}
			catch (KubernetesClientException ex) {
				if (ex.getCode() != 429) {
					throw ex;
				}
				Duration retryAfter = retryAfter(ex);
				if (retryAfter.compareTo(this.settings.maxRetryAfter()) > 0) {
					throw new IllegalStateException("The Kubernetes API is throttling writes and asked to retry " + what
							+ " after " + retryAfter.toSeconds() + "s, longer than the "
							+ this.settings.maxRetryAfter().toSeconds()
							+ "s allowed (kubernaut.engine.guardrails.max-retry-after)", ex);
				}
				if (attempt >= MAX_THROTTLED_ATTEMPTS) {
					throw new IllegalStateException(
							"The Kubernetes API is still throttling writes after " + attempt + " attempts to " + what,
							ex);
				}
				sleep(retryAfter);
			}
		}
	}

	static boolean isManaged(HasMetadata object) {
		Map<String, String> labels = object.getMetadata().getLabels();
		return labels != null && "true".equals(labels.get(MANAGED_LABEL));
	}

	static boolean isConflict(KubernetesClientException ex) {
		return ex.getCode() == HttpURLConnection.HTTP_CONFLICT;
	}

	private static Duration retryAfter(KubernetesClientException ex) {
		if (ex.getStatus() != null && ex.getStatus().getDetails() != null
				&& ex.getStatus().getDetails().getRetryAfterSeconds() != null
				&& ex.getStatus().getDetails().getRetryAfterSeconds() >= 0) {
			return Duration.ofSeconds(ex.getStatus().getDetails().getRetryAfterSeconds());
		}
		return DEFAULT_RETRY_AFTER;
	}

	private void sleep(Duration duration) {
		try {
			this.sleeper.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting to write to the Kubernetes API", ex);
		}
	}

	/**
	 * How the guard rails wait; tests replace it to wait on a fake clock.
	 */
	@FunctionalInterface
	interface Sleeper {

		Sleeper THREAD = (duration) -> Thread.sleep(duration);

		void sleep(Duration duration) throws InterruptedException;

	}

}
