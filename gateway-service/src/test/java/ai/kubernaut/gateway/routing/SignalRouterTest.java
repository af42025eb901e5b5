package ai.kubernaut.gateway.routing;

import java.util.List;
import java.util.Map;

import ai.kubernaut.contracts.remediation.RemediationRoute;
import ai.kubernaut.contracts.signal.ResourceRef;
import ai.kubernaut.gateway.classify.Classification;
import ai.kubernaut.gateway.classify.LabelDetector;
import ai.kubernaut.gateway.classify.SignalContext;
import ai.kubernaut.gateway.signal.NormalizedSignal;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SignalRouterTest {

	private final SignalRouter shipped = SignalRouter
		.fromYaml(new ClassPathResource("routing/gateway-default-rules.yml"));

	@Test
	void cordonsAndDrainsANotReadyNodeOutsideProduction() {
		RemediationRoute route = this.shipped.route(nodeAlert("KubeNodeNotReady"),
				context("Node", "kubernaut-demo-worker", "staging", Map.of()));

		assertThat(route.rule()).isEqualTo("node-not-ready");
		assertThat(route.actionType()).isEqualTo("CordonDrainNode");
	}

	@Test
	void asksAPersonBeforeDrainingAProductionNode() {
		RemediationRoute route = this.shipped.route(nodeAlert("KubeNodeNotReady"),
				context("Node", "kubernaut-demo-worker", "production", Map.of()));

		assertThat(route.rule()).isEqualTo("node-not-ready-production");
		assertThat(route.manualReview()).isTrue();
		assertThat(route.actionType()).isNull();
	}

	@Test
	void sendsAnAlertNoRuleCoversToManualReviewSayingSo() {
		RemediationRoute route = this.shipped.route(nodeAlert("CPUThrottlingHigh"),
				context("Deployment", "checkout", "production", Map.of()));

		assertThat(route.manualReview()).isTrue();
		assertThat(route.rule()).isEqualTo(SignalRouter.NO_RULE);
		assertThat(route.reason()).contains("CPUThrottlingHigh");
	}

	@Test
	void skipsARuleWhoseConditionFailsForThisSignal() {
		SignalRouter router = router("""
				rules:
				  - name: reads-a-missing-label
				    when: "alert.labels['team'] == 'payments'"
				    actionType: ScaleReplicas
				  - name: fallback
				    manualReview: true
				    reason: fallback
				""");

		assertThat(router.route(nodeAlert("X"), context("Deployment", "a", "staging", Map.of())).rule())
			.isEqualTo("fallback");
	}

	@Test
	void matchesOnLabelsAndCustomLabels() {
		SignalRouter router = router("""
				rules:
				  - name: payments-rollback
				    labels: {severity: critical}
				    when: "'payments' in custom.team"
				    actionType: RollbackDeployment
				    parameters: {REASON: payments}
				""");
		SignalContext context = context("Deployment", "checkout", "production", Map.of("team", List.of("payments")));

		RemediationRoute route = router.route(nodeAlert("Anything"), context);

		assertThat(route.actionType()).isEqualTo("RollbackDeployment");
		assertThat(route.parameters()).containsEntry("REASON", "payments");
	}

	@Test
	void refusesARuleFileWithAnInvalidCondition() {
		assertThatIllegalArgumentException().isThrownBy(() -> router("""
				rules:
				  - name: broken
				    when: "detected.helmManaged &&"
				    actionType: HelmRollback
				""")).withMessageContaining("broken");
	}

	@Test
	void refusesARuleWithBothAnActionAndManualReview() {
		assertThatIllegalArgumentException().isThrownBy(() -> router("""
				rules:
				  - name: undecided
				    actionType: HelmRollback
				    manualReview: true
				""")).withMessageContaining("undecided");
	}

	@Test
	void refusesUnknownKeysSoATypoCannotSilentlyWidenARule() {
		assertThatIllegalArgumentException().isThrownBy(() -> router("""
				rules:
				  - name: typo
				    alert: [KubePodCrashLooping]
				    actionType: HelmRollback
				""")).withMessageContaining("alert");
	}

	private static SignalRouter router(String yaml) {
		return new SignalRouter(SignalRouter.parse(new Yaml().load(yaml), "test"));
	}

	private static NormalizedSignal nodeAlert(String name) {
		return new NormalizedSignal("prometheus", name, "critical", "", null,
				Map.of("alertname", name, "severity", "critical", "node", "kubernaut-demo-worker"), Map.of(), null,
				false, List.of(new ResourceRef("Node", "", "kubernaut-demo-worker")));
	}

	private static SignalContext context(String kind, String name, String environment,
			Map<String, List<String>> custom) {
		Map<String, Object> variables = Map.of("alert",
				Map.of("name", "x", "severity", "critical", "labels", Map.of("severity", "critical"), "annotations",
						Map.of()),
				"namespace", Map.of("name", "", "labels", Map.of()), "workload",
				Map.of("kind", kind, "name", name, "labels", Map.of(), "annotations", Map.of(), "revision", 0L),
				"classification", Map.of("environment", environment, "priority", "P1"), "detected",
				LabelDetector.withDefaults(Map.of()), "custom", custom);
		return new SignalContext("critical", new Classification(environment, "P1"), custom, Map.of(), variables);
	}

}
