package ai.kubernaut.actions.observe;

import java.util.Map;

import ai.kubernaut.actions.ActionContext;

/**
 * The workflow target as the engine passes it: {@code TARGET_RESOURCE_KIND},
 * {@code TARGET_RESOURCE_NAMESPACE} (absent for cluster-scoped kinds) and
 * {@code TARGET_RESOURCE_NAME}.
 */
public record TargetRef(String kind, String namespace, String name) {

	public static final String KIND = "TARGET_RESOURCE_KIND";

	public static final String NAMESPACE = "TARGET_RESOURCE_NAMESPACE";

	public static final String NAME = "TARGET_RESOURCE_NAME";

	/**
	 * @throws IllegalArgumentException if the kind or name is missing
	 */
	public static TargetRef from(ActionContext context) {
		return new TargetRef(context.require(KIND), context.optional(NAMESPACE).orElse(null), context.require(NAME));
	}

	/**
	 * The target's kind, or empty text when the parameters do not name one.
	 */
	public static String kindOf(Map<String, Object> parameters) {
		Object kind = parameters.get(KIND);
		return (kind != null) ? kind.toString().trim() : "";
	}

	/**
	 * {@code Deployment/demo/checkout}, or {@code Node/worker-1} when cluster-scoped.
	 */
	@Override
	public String toString() {
		return (this.namespace != null) ? this.kind + "/" + this.namespace + "/" + this.name
				: this.kind + "/" + this.name;
	}

	/**
	 * Kubernaut's {@code TARGET_RESOURCE} form: {@code demo/Deployment/checkout}, or
	 * {@code Node/worker-1} when cluster-scoped.
	 */
	public String kubernautForm() {
		return (this.namespace != null) ? this.namespace + "/" + this.kind + "/" + this.name
				: this.kind + "/" + this.name;
	}

}
