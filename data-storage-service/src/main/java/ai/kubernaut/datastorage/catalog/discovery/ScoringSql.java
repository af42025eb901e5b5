package ai.kubernaut.datastorage.catalog.discovery;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import ai.kubernaut.datastorage.catalog.discovery.LabelWeights.DetectedLabel;

/**
 * Kubernaut's discovery score as SQL over a catalog row aliased {@code w}, built from
 * {@link LabelWeights} for one query. The same terms give the score and, for
 * {@code ?explain=true}, the list of contributions, so the explanation cannot disagree
 * with the ranking.
 * <p>
 * Only label keys from {@link DetectedLabel} and weights from {@link LabelWeights} are
 * written into the SQL text; every value that comes from the request is a bind parameter.
 */
final class ScoringSql {

	private final List<Term> terms = new ArrayList<>();

	private final Map<String, Object> params = new LinkedHashMap<>();

	private ScoringSql() {
	}

	static ScoringSql of(DiscoveryContext context) {
		ScoringSql sql = new ScoringSql();
		DetectedLabelsQuery detected = context.detectedLabels();
		for (DetectedLabel label : DetectedLabel.values()) {
			if (label.weight().signum() == 0) {
				continue;
			}
			if (detected.flags().contains(label)) {
				sql.flag(label);
			}
			String value = detected.values().get(label);
			if (value != null && label.scores(value)) {
				sql.string(label, value);
			}
		}
		if (detected.flags().contains(DetectedLabel.GITOPS_MANAGED)) {
			sql.terms.add(new Term(literal(DetectedLabel.GITOPS_MANAGED.key()),
					List.of(new Case(
							jsonText(DetectedLabel.GITOPS_MANAGED) + " IS NULL OR "
									+ jsonText(DetectedLabel.GITOPS_MANAGED) + " = 'false'",
							LabelWeights.GITOPS_MANAGED_PENALTY.negate(),
							"penalty: the incident is GitOps-managed, the workflow is not"))));
		}
		String tool = detected.values().get(DetectedLabel.GITOPS_TOOL);
		if (tool != null && DetectedLabel.GITOPS_TOOL.isScoredValue(tool)) {
			String column = jsonText(DetectedLabel.GITOPS_TOOL);
			sql.terms.add(new Term(literal(DetectedLabel.GITOPS_TOOL.key()),
					List.of(new Case(
							column + " IS NULL OR (" + column + " <> :s_gitOpsTool AND " + column + " <> '*' AND "
									+ column + " <> '')",
							LabelWeights.GITOPS_TOOL_PENALTY.negate(),
							"penalty: the incident names a GitOps tool, the workflow declares none"))));
		}
		int pair = 0;
		for (Map.Entry<String, List<String>> entry : context.customLabels().entrySet()) {
			for (String value : entry.getValue()) {
				sql.custom(pair++, entry.getKey(), value);
			}
		}
		return sql;
	}

	/** The final score, {@code numeric}. */
	String finalScore() {
		String boosts = this.terms.stream().map(Term::weightSql).collect(Collectors.joining("\n    + "));
		return "LEAST((" + LabelWeights.BASE.toPlainString() + (boosts.isEmpty() ? "" : "\n    + " + boosts) + ") / "
				+ LabelWeights.SCALE.toPlainString() + ", " + LabelWeights.MAX_SCORE.toPlainString() + ")";
	}

	/**
	 * The terms that apply to the row, as a {@code jsonb} array of {@code {label, weight,
	 * reason}}.
	 */
	String contributions() {
		if (this.terms.isEmpty()) {
			return "cast('[]' as jsonb)";
		}
		return "to_jsonb(array_remove(ARRAY[\n    "
				+ this.terms.stream().map(Term::contributionSql).collect(Collectors.joining(",\n    "))
				+ "\n  ]::jsonb[], NULL))";
	}

	Map<String, Object> params() {
		return this.params;
	}

	private void flag(DetectedLabel label) {
		this.terms.add(new Term(literal(label.key()), List.of(new Case(jsonText(label) + " = 'true'", label.weight(),
				"the incident and the workflow are both " + label.key()))));
	}

	private void string(DetectedLabel label, String value) {
		String column = jsonText(label);
		if ("*".equals(value)) {
			this.terms.add(new Term(literal(label.key()), List.of(new Case("coalesce(" + column + ", '') <> ''",
					label.halfWeight(), "the incident accepts any " + label.key() + " (half credit)"))));
			return;
		}
		String param = "s_" + label.key();
		this.params.put(param, value);
		this.terms.add(new Term(literal(label.key()),
				List.of(new Case(column + " = :" + param, label.weight(), "exact " + label.key() + " match"),
						new Case(column + " = '*'", label.halfWeight(),
								"the workflow accepts any " + label.key() + " (half credit)"))));
	}

	private void custom(int pair, String key, String value) {
		String keyParam = "s_ck" + pair;
		String valueParam = "s_cv" + pair;
		this.params.put(keyParam, key);
		this.params.put(valueParam, value);
		String values = "w.custom_labels -> cast(:" + keyParam + " as text)";
		this.terms.add(new Term(
				"'customLabels.' || cast(:" + keyParam + " as text) || '=' || cast(:" + valueParam + " as text)",
				List.of(new Case(values + " @> to_jsonb(cast(:" + valueParam + " as text))", LabelWeights.CUSTOM_EXACT,
						"exact custom label match"),
						new Case(values + " @> to_jsonb(cast('*' as text))", LabelWeights.CUSTOM_WILDCARD,
								"the workflow accepts any value of this custom label (half credit)"))));
	}

	private static String jsonText(DetectedLabel label) {
		return "(w.detected_labels ->> '" + label.key() + "')";
	}

	private static String literal(String text) {
		return "'" + text.replace("'", "''") + "'";
	}

	/**
	 * One condition and what it is worth.
	 */
	private record Case(String condition, BigDecimal weight, String reason) {
	}

	/**
	 * A score term: the first case whose condition holds applies, else nothing.
	 */
	private record Term(String labelSql, List<Case> cases) {

		String weightSql() {
			return "(CASE " + this.cases.stream()
				.map((c) -> "WHEN " + c.condition() + " THEN " + c.weight().toPlainString())
				.collect(Collectors.joining(" ")) + " ELSE 0 END)";
		}

		String contributionSql() {
			return "(CASE " + this.cases.stream()
				.map((c) -> "WHEN " + c.condition() + " THEN jsonb_build_object('label', " + this.labelSql
						+ ", 'weight', " + c.weight().toPlainString() + ", 'reason', " + literal(c.reason()) + ")")
				.collect(Collectors.joining(" ")) + " END)";
		}

	}

}
