package ai.kubernaut.engine.remediation;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When a remediation needs a person's approval before it runs
 * ({@code kubernaut.engine.approval.*}). A run is gated when any rule matches; steps
 * marked {@code requiresApproval} in the workflow are gated on their own regardless.
 *
 * @param environments environments whose targets of {@code targetKinds} are gated;
 * default {@code [production]}
 * @param targetKinds default {@code [Node, StatefulSet]}
 * @param severities signals of these severities are gated everywhere; default none
 * @param riskyStepLevels a workflow with a step of one of these {@code risk} levels is
 * gated; default {@code [high, critical]}
 * @param always gate every remediation; default false
 */
@ConfigurationProperties("kubernaut.engine.approval")
record ApprovalProperties(List<String> environments, List<String> targetKinds, List<String> severities,
		List<String> riskyStepLevels, Boolean always) {

	ApprovalProperties {
		environments = (environments != null) ? List.copyOf(environments) : List.of("production");
		targetKinds = (targetKinds != null) ? List.copyOf(targetKinds) : List.of("Node", "StatefulSet");
		severities = (severities != null) ? List.copyOf(severities) : List.of();
		riskyStepLevels = (riskyStepLevels != null) ? List.copyOf(riskyStepLevels) : List.of("high", "critical");
		always = Boolean.TRUE.equals(always);
	}

	static ApprovalProperties defaults() {
		return new ApprovalProperties(null, null, null, null, null);
	}

}
