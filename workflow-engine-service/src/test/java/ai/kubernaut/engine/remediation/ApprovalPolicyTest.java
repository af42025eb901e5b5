package ai.kubernaut.engine.remediation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import ai.kubernaut.contracts.signal.ResourceRef;
import ai.kubernaut.contracts.signal.Signal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApprovalPolicyTest {

	final ApprovalPolicy defaults = new ApprovalPolicy(ApprovalProperties.defaults());

	@Test
	void gatesProductionNodesAndStatefulSetsByDefault() {
		assertThat(this.defaults.reasons(signal("production", "critical"), target("Node"), List.of()))
			.containsExactly("Node in production");
		assertThat(this.defaults.reasons(signal("production", "warning"), target("StatefulSet"), List.of()))
			.containsExactly("StatefulSet in production");
	}

	@Test
	void letsDeploymentsAndNonProductionTargetsRunWithoutApproval() {
		assertThat(this.defaults.reasons(signal("production", "critical"), target("Deployment"), List.of())).isEmpty();
		assertThat(this.defaults.reasons(signal("staging", "critical"), target("Node"), List.of())).isEmpty();
	}

	@Test
	void gatesAWorkflowWithAHighRiskStep() {
		assertThat(this.defaults.reasons(signal("staging", "critical"), target("Deployment"),
				List.of(Map.of("id", "drain", "risk", "high"), Map.of("id", "notify", "risk", "low"))))
			.containsExactly("step 'drain' has risk high");
	}

	@Test
	void gatesConfiguredSeveritiesAndEverythingWhenAskedTo() {
		ApprovalPolicy strict = new ApprovalPolicy(
				new ApprovalProperties(List.of(), List.of(), List.of("critical"), List.of(), true));

		assertThat(strict.reasons(signal("staging", "critical"), target("Deployment"), List.of())).containsExactly(
				"every remediation needs approval (kubernaut.engine.approval.always)", "severity critical");
	}

	private static Signal signal(String environment, String severity) {
		return new Signal("Alert", severity, environment, "P1", Map.of(), Map.of(),
				Instant.parse("2026-06-02T15:00:00Z"), "prometheus");
	}

	private static ResourceRef target(String kind) {
		return new ResourceRef(kind, "Node".equals(kind) ? null : "demo", "x");
	}

}
