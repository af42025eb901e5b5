package ai.kubernaut.actions.mutation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where and how fast the engine may write to the cluster.
 *
 * @param deniedNamespaces namespaces never written, whatever else says; by default
 * {@code kube-system} and {@code kube-public} (the engine adds its own namespace)
 * @param allowedNamespaces when not empty, the only namespaces written; empty means every
 * namespace not denied
 * @param requireManagedNamespace when {@code true} (the default) only namespaces labelled
 * {@value Guardrails#MANAGED_LABEL}{@code =true} are written, and cluster-scoped objects
 * must carry that label themselves
 * @param writesPerSecond the most API writes per second this engine sends, across all
 * actions; default 5
 * @param maxRetryAfter the longest {@code Retry-After} a throttled write waits for before
 * giving up; default 30 s
 */
public record GuardrailSettings(List<String> deniedNamespaces, List<String> allowedNamespaces,
		boolean requireManagedNamespace, double writesPerSecond, Duration maxRetryAfter) {

	public static final List<String> DEFAULT_DENIED_NAMESPACES = List.of("kube-system", "kube-public");

	public static final double DEFAULT_WRITES_PER_SECOND = 5;

	public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(30);

	public GuardrailSettings {
		deniedNamespaces = List.copyOf(Objects.requireNonNullElse(deniedNamespaces, DEFAULT_DENIED_NAMESPACES));
		allowedNamespaces = List.copyOf(Objects.requireNonNullElse(allowedNamespaces, List.of()));
		if (!(writesPerSecond > 0)) {
			throw new IllegalArgumentException("writesPerSecond must be > 0, got " + writesPerSecond);
		}
		maxRetryAfter = Objects.requireNonNullElse(maxRetryAfter, DEFAULT_MAX_RETRY_AFTER);
		if (maxRetryAfter.isNegative()) {
			throw new IllegalArgumentException("maxRetryAfter must not be negative, got " + maxRetryAfter);
		}
	}

	/**
	 * On by default: system namespaces denied, managed namespaces only, 5 writes/s, at
	 * most 30 s of Retry-After.
	 */
	public static GuardrailSettings defaults() {
		return new GuardrailSettings(DEFAULT_DENIED_NAMESPACES, List.of(), true, DEFAULT_WRITES_PER_SECOND,
				DEFAULT_MAX_RETRY_AFTER);
	}

	/**
	 * These settings with {@code namespace} denied as well, e.g. the suite's own.
	 */
	public GuardrailSettings denying(String namespace) {
		if (namespace == null || namespace.isBlank() || this.deniedNamespaces.contains(namespace)) {
			return this;
		}
		List<String> denied = new ArrayList<>(this.deniedNamespaces);
		denied.add(namespace);
		return new GuardrailSettings(denied, this.allowedNamespaces, this.requireManagedNamespace, this.writesPerSecond,
				this.maxRetryAfter);
	}

}
