package ai.kubernaut.contracts.catalog;

import java.math.BigDecimal;

/**
 * One term of a workflow's discovery score, as {@code ?explain=true} reports it.
 *
 * @param label what matched, e.g. {@code gitOpsManaged} or
 * {@code customLabels.risk_tolerance=high}
 * @param weight the term on Kubernaut's raw 0..10 scale (a penalty is negative); the
 * score is {@code min((5.0 + sum of weights) / 10, 1.0)}
 * @param reason why the term applies, for people
 */
public record ScoreContribution(String label, BigDecimal weight, String reason) {
}
