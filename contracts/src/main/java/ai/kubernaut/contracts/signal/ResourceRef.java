package ai.kubernaut.contracts.signal;

import jakarta.validation.constraints.NotBlank;

/**
 * A Kubernetes object addressed by kind, namespace and name. {@code namespace} is empty
 * for cluster-scoped kinds such as {@code Node}.
 */
public record ResourceRef(@NotBlank String kind, String namespace, @NotBlank String name) {

	public ResourceRef {
		namespace = namespace == null ? "" : namespace;
	}

	@Override
	public String toString() {
		return namespace.isEmpty() ? kind + "/" + name : kind + "/" + namespace + "/" + name;
	}

}
