package ai.kubernaut.actions.workload;

import java.util.Locale;
import java.util.Set;

import ai.kubernaut.actions.ActionContext;

/**
 * The object a step acts on: the workflow target ({@code TARGET_RESOURCE_*}) unless the
 * action's own parameter names another one.
 */
record Target(String kind, String namespace, String name) {

	static final String KIND = "TARGET_RESOURCE_KIND";

	static final String NAMESPACE = "TARGET_RESOURCE_NAMESPACE";

	static final String NAME = "TARGET_RESOURCE_NAME";

	static Target of(ActionContext context) {
		return new Target(context.optional(KIND).orElse(""), context.require(NAMESPACE), context.require(NAME));
	}

	/**
	 * The target, which must be of one of {@code kinds} (compared case-insensitively; an
	 * absent kind means the first of them).
	 * @throws IllegalArgumentException naming the action and the kinds it handles
	 */
	static Target of(ActionContext context, String action, String... kinds) {
		Target target = of(context);
		if (target.kind().isEmpty()) {
			return new Target(kinds[0], target.namespace(), target.name());
		}
		for (String kind : kinds) {
			if (kind.equalsIgnoreCase(target.kind())) {
				return new Target(kind, target.namespace(), target.name());
			}
		}
		throw new IllegalArgumentException(action + " acts on " + String.join(" or ", kinds) + ", but the target is "
				+ target.kind() + "/" + target.namespace() + "/" + target.name());
	}

	/**
	 * Why the literal kind in {@code parameters} is not one of {@code kinds}, or
	 * {@code null}.
	 */
	static String checkKind(Object kind, String action, Set<String> kinds) {
		if (kind == null || kind.toString().isBlank() || kind.toString().contains("${")) {
			return null;
		}
		if (kinds.stream().anyMatch((k) -> k.equalsIgnoreCase(kind.toString().trim()))) {
			return null;
		}
		return KIND + " must be " + String.join(" or ", kinds.stream().sorted().toList()) + " for " + action
				+ ", got \"" + kind + "\"";
	}

	String lowerKind() {
		return this.kind.toLowerCase(Locale.ROOT);
	}

}
