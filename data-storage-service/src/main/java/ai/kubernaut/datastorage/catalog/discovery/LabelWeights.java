package ai.kubernaut.datastorage.catalog.discovery;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Every number of Kubernaut's discovery score, in one place; {@link ScoringSql} builds
 * the SQL from this table and nothing else.
 * <p>
 * {@code final = min((BASE + detected boosts + custom boosts - penalties) / SCALE, 1.0)},
 * so a weight of 0.10 moves the final score by 0.01.
 */
final class LabelWeights {

	static final BigDecimal BASE = new BigDecimal("5.0");

	static final BigDecimal SCALE = new BigDecimal("10.0");

	static final BigDecimal MAX_SCORE = new BigDecimal("1.0");

	/** A query custom label (key, value) the workflow lists exactly. */
	static final BigDecimal CUSTOM_EXACT = new BigDecimal("0.15");

	/**
	 * A query custom label (key, value) whose key the workflow declares as {@code "*"}.
	 */
	static final BigDecimal CUSTOM_WILDCARD = new BigDecimal("0.075");

	/** The query has {@code gitOpsManaged=true}, the workflow does not declare it. */
	static final BigDecimal GITOPS_MANAGED_PENALTY = new BigDecimal("0.10");

	/**
	 * The query names a GitOps tool, the workflow declares none (or another, which the
	 * hard filter has already excluded).
	 */
	static final BigDecimal GITOPS_TOOL_PENALTY = new BigDecimal("0.10");

	private LabelWeights() {
	}

	/**
	 * The detected labels Kubernaut knows, with their boost. Boolean labels boost when
	 * query and workflow are both {@code true}; string labels boost fully on an exact
	 * match and half when either side is {@code "*"}.
	 */
	enum DetectedLabel {

		GITOPS_MANAGED("gitOpsManaged", "0.10"), GITOPS_TOOL("gitOpsTool", "0.10", "argocd", "flux"),
		PDB_PROTECTED("pdbProtected", "0.05"), SERVICE_MESH("serviceMesh", "0.05", "istio", "linkerd"),
		NETWORK_ISOLATED("networkIsolated", "0.03"), HELM_MANAGED("helmManaged", "0.02"), STATEFUL("stateful", "0.02"),
		HPA_ENABLED("hpaEnabled", "0.02"), VIRTUAL_MACHINE("virtualMachine", "0.08"),
		LIVE_MIGRATABLE("liveMigratable", "0.04"), CDI_MANAGED("cdiManaged", "0.03"),
		STORAGE_BACKEND("storageBackend", "0.05", "odf-ceph", "lvms", "local"),
		/** Detected and stored, but weightless. */
		RESOURCE_QUOTA_CONSTRAINED("resourceQuotaConstrained", "0");

		private final String key;

		private final BigDecimal weight;

		private final Set<String> scoredValues;

		DetectedLabel(String key, String weight, String... scoredValues) {
			this.key = key;
			this.weight = new BigDecimal(weight);
			this.scoredValues = Set.of(scoredValues);
		}

		/** The JSON key, in queries and in the {@code detected_labels} column. */
		String key() {
			return this.key;
		}

		BigDecimal weight() {
			return this.weight;
		}

		BigDecimal halfWeight() {
			return this.weight.divide(BigDecimal.TWO);
		}

		boolean isString() {
			return !this.scoredValues.isEmpty();
		}

		/**
		 * Whether a query value earns a boost at all: Kubernaut ignores string values
		 * outside the label's enum (the hard filter still compares them literally).
		 */
		boolean scores(String queryValue) {
			return "*".equals(queryValue) || this.scoredValues.contains(queryValue);
		}

		/** Whether a query value can earn the GitOps tool penalty. */
		boolean isScoredValue(String queryValue) {
			return this.scoredValues.contains(queryValue);
		}

		static Optional<DetectedLabel> ofKey(String key) {
			return Arrays.stream(values()).filter((label) -> label.key.equals(key)).findFirst();
		}

	}

}
