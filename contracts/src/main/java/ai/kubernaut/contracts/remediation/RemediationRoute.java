package ai.kubernaut.contracts.remediation;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The gateway's routing decision for a signal: which action type should remediate it, or
 * that no automatic action is safe and a person must look.
 *
 * @param actionType the catalog action type (e.g. {@code RollbackDeployment});
 * {@code null} when {@code manualReview}
 * @param parameters parameters the rule adds to the workflow's (e.g.
 * {@code SCALE_REPLICAS: "+1"})
 * @param rule the name of the routing rule that matched, for audit and explanation
 * @param manualReview true when no automatic action applies (absent means false); the
 * engine records ManualReviewRequired and notifies
 * @param reason why this route was chosen, in words an on-call engineer can check
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RemediationRoute(String actionType, Map<String, String> parameters, String rule, Boolean manualReview,
		String reason) {

	public RemediationRoute {
		parameters = (parameters != null) ? Map.copyOf(parameters) : Map.of();
		manualReview = Boolean.TRUE.equals(manualReview);
	}

}
