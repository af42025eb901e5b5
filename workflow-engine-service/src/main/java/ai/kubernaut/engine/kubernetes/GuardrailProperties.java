package ai.kubernaut.engine.kubernetes;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

import ai.kubernaut.actions.mutation.GuardrailSettings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What the engine may write to, and how fast ({@code kubernaut.engine.guardrails.*}). On
 * by default.
 *
 * @param deniedNamespaces never written; default {@code kube-system, kube-public}. The
 * engine's own namespace ({@code POD_NAMESPACE}) is always added.
 * @param allowedNamespaces when not empty, the only namespaces written; default empty
 * @param requireManagedNamespace only namespaces labelled
 * {@code kubernaut.ai/managed=true} (and cluster-scoped objects carrying that label) are
 * written; default true
 * @param writesPerSecond client-side limit on API writes of all actions together; default
 * 5
 * @param maxRetryAfter the longest {@code Retry-After} of a throttling API server a write
 * waits for; default 30 s
 */
@Validated
@ConfigurationProperties("kubernaut.engine.guardrails")
public record GuardrailProperties(List<String> deniedNamespaces, List<String> allowedNamespaces,
		Boolean requireManagedNamespace, @DecimalMin("0.01") @DecimalMax("1000") Double writesPerSecond,
		Duration maxRetryAfter) {

	public GuardrailProperties {
		deniedNamespaces = (deniedNamespaces != null) ? List.copyOf(deniedNamespaces)
				: GuardrailSettings.DEFAULT_DENIED_NAMESPACES;
		allowedNamespaces = (allowedNamespaces != null) ? List.copyOf(allowedNamespaces) : List.of();
		requireManagedNamespace = (requireManagedNamespace != null) ? requireManagedNamespace : true;
		writesPerSecond = (writesPerSecond != null) ? writesPerSecond : GuardrailSettings.DEFAULT_WRITES_PER_SECOND;
		maxRetryAfter = (maxRetryAfter != null) ? maxRetryAfter : GuardrailSettings.DEFAULT_MAX_RETRY_AFTER;
	}

	/**
	 * @param ownNamespace the namespace the engine runs in, or {@code null}; denied too
	 */
	GuardrailSettings toSettings(String ownNamespace) {
		return new GuardrailSettings(this.deniedNamespaces, this.allowedNamespaces, this.requireManagedNamespace,
				this.writesPerSecond, this.maxRetryAfter)
			.denying(ownNamespace);
	}

}
