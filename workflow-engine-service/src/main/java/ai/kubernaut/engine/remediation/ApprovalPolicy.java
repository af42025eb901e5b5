package ai.kubernaut.engine.remediation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ai.kubernaut.contracts.signal.ResourceRef;
import ai.kubernaut.contracts.signal.Signal;

/**
 * Decides whether a remediation needs approval before it runs, and says why. Pure.
 */
final class ApprovalPolicy {

	private final ApprovalProperties properties;

	ApprovalPolicy(ApprovalProperties properties) {
		this.properties = properties;
	}

	/**
	 * @param steps the workflow's native steps ({@code risk} is read)
	 * @return the reasons; empty when no approval is needed
	 */
	List<String> reasons(Signal signal, ResourceRef target, List<Map<String, Object>> steps) {
		List<String> reasons = new ArrayList<>();
		if (this.properties.always()) {
			reasons.add("every remediation needs approval (kubernaut.engine.approval.always)");
		}
		String environment = lower(signal.environment());
		if (containsIgnoringCase(this.properties.environments(), environment)
				&& containsIgnoringCase(this.properties.targetKinds(), target.kind())) {
			reasons.add(target.kind() + " in " + signal.environment());
		}
		if (containsIgnoringCase(this.properties.severities(), signal.severity())) {
			reasons.add("severity " + signal.severity());
		}
		for (Map<String, Object> step : steps) {
			Object risk = step.get("risk");
			if (risk != null && containsIgnoringCase(this.properties.riskyStepLevels(), risk.toString())) {
				reasons.add("step '" + step.get("id") + "' has risk " + risk);
			}
		}
		return reasons;
	}

	private static boolean containsIgnoringCase(List<String> values, String value) {
		return value != null && values.stream().anyMatch((candidate) -> candidate.equalsIgnoreCase(value));
	}

	private static String lower(String value) {
		return (value != null) ? value.toLowerCase(Locale.ROOT) : null;
	}

}
