package ai.kubernaut.gateway.routing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import ai.kubernaut.gateway.GatewayIntegrationTest;
import ai.kubernaut.gateway.StubEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every shipped routing rule, driven end to end: a kube-prometheus-stack alert as
 * Alertmanager sends it, about an object of a Kubernaut demo scenario (or a Node) loaded
 * into the sandbox, and the route the engine receives.
 */
@GatewayIntegrationTest
class RoutingRulesIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	StubEngine engine;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SignalRouter router;

	@BeforeEach
	void reset() {
		this.engine.reset();
		this.jdbc.sql("delete from signal_dedup").update();
	}

	static final List<Case> CASES = List.of(
			new Case("KubePodCrashLooping", "critical", "pod=web-frontend-tmvvq47cs-7v5t8;namespace=demo-webui",
					"crashloop-gitops", "GitRevertCommit", "Deployment/web-frontend"),
			new Case("KubePodCrashLooping", "critical", "pod=worker-28zdffhqc-8s74n;namespace=demo-storefront",
					"crashloop-helm", "HelmRollback", "Deployment/worker"),
			new Case("KubePodCrashLooping", "warning", "pod=worker-49hqjngjj-4ngn6;namespace=demo-checkout",
					"crashloop-after-rollout", "RollbackDeployment", "Deployment/worker"),
			new Case("KubePodCrashLooping", "warning", "deployment=checkout;namespace=demo-shop",
					"crashloop-no-history", "-", "Deployment/checkout"),
			new Case("KubePodOOMKilled", "warning", "pod=data-service-26vr9bslm-64644;namespace=demo-telemetry",
					"oom-killed", "IncreaseMemoryLimits", "Deployment/data-service"),
			new Case("KubePodTerminated", "warning",
					"pod=data-service-26vr9bslm-dtrvb;namespace=demo-telemetry;reason=OOMKilled",
					"oom-killed-reason-label", "IncreaseMemoryLimits", "Deployment/data-service"),
			new Case("KubeDeploymentRolloutStuck", "warning", "deployment=web-frontend;namespace=demo-webui",
					"rollout-stuck-gitops", "GitRevertCommit", "Deployment/web-frontend"),
			new Case("KubeDeploymentRolloutStuck", "warning", "deployment=worker;namespace=demo-storefront",
					"rollout-stuck-helm", "HelmRollback", "Deployment/worker"),
			new Case("KubeDeploymentRolloutStuck", "warning", "deployment=checkout-api;namespace=demo-shipping",
					"rollout-stuck", "RollbackDeployment", "Deployment/checkout-api"),
			new Case("KubeDeploymentRolloutStuck", "warning", "deployment=payment-service;namespace=demo-payments",
					"rollout-stuck-first-revision", "-", "Deployment/payment-service"),
			new Case("KubeHpaMaxedOut", "warning", "horizontalpodautoscaler=api-frontend;namespace=demo-gateway",
					"hpa-maxed-out", "PatchHPA", "HorizontalPodAutoscaler/api-frontend"),
			new Case("HighRequestLatency", "critical", "deployment=api-frontend;namespace=demo-gateway",
					"latency-with-hpa", "-", "Deployment/api-frontend"),
			new Case("HighRequestLatency", "critical", "deployment=checkout;namespace=demo-shop", "latency-scale-out",
					"ScaleReplicas", "Deployment/checkout"),
			new Case("KubeStatefulSetReplicasMismatch", "warning", "statefulset=kv-store;namespace=demo-keystore",
					"replicas-mismatch", "-", "StatefulSet/kv-store"),
			new Case("KubeContainerWaiting", "warning", "pod=kv-store-1;namespace=demo-keystore;container=kv-store",
					"pod-not-ready", "-", "StatefulSet/kv-store"),
			new Case("KubePodNotScheduled", "warning", "pod=payment-service-qbwcf6mlv-kr2mh;namespace=demo-payments",
					"pod-not-scheduled", "-", "Deployment/payment-service"),
			new Case("KubePersistentVolumeFillingUp", "critical",
					"persistentvolumeclaim=data-service-data;namespace=demo-archive", "pvc-filling-up",
					"ExpandPersistentVolumeClaim", "PersistentVolumeClaim/data-service-data"),
			new Case("KubeNodeNotReady", "warning",
					"node=worker-2;namespace=monitoring;pod=kube-state-metrics-7c9d8b6f5-q2w3e;condition=Ready",
					"node-not-ready", "CordonDrainNode", "Node/worker-2"),
			new Case("KubeNodeUnreachable", "warning", "node=worker-1;namespace=monitoring",
					"node-not-ready-production", "-", "Node/worker-1"),
			new Case("SomeTeamSpecificAlert", "warning", "deployment=checkout;namespace=demo-shop", "no-matching-rule",
					"-", "Deployment/checkout"));

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void routesAKubePrometheusStackAlert(Case c) throws Exception {
		String rule = c.rule();
		String actionType = c.actionType();
		String target = c.target();
		HttpResponse<String> response = post(alert(c.alertname(), c.severity(), c.labels()));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.at("/target/kind").asString() + "/" + body.at("/target/name").asString()).isEqualTo(target);
		JsonNode route = JSON.readTree(this.engine.creations().get(0).body()).get("route");
		assertThat(route.get("rule").asString()).isEqualTo(rule);
		if (actionType.equals("-")) {
			assertThat(route.get("manualReview").asBoolean()).isTrue();
			assertThat(route.has("actionType")).isFalse();
			assertThat(route.get("reason").asString()).isNotBlank();
		}
		else {
			assertThat(route.get("actionType").asString()).isEqualTo(actionType);
			assertThat(route.get("manualReview").asBoolean()).isFalse();
		}
	}

	static List<Case> cases() {
		return CASES;
	}

	@Test
	void shipsNoRuleWithoutATest() {
		Set<String> shipped = this.router.rules().stream().map(RoutingRule::name).collect(Collectors.toSet());
		Set<String> tested = CASES.stream().map(Case::rule).collect(Collectors.toSet());

		assertThat(tested).containsAll(shipped);
	}

	private HttpResponse<String> post(String body) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/signals/prometheus"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer alertmanager-test-token-0001")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	static String alert(String alertname, String severity, String labels) throws Exception {
		ObjectNode notification = (ObjectNode) JSON.readTree(
				new ClassPathResource("alerts/kube-prometheus-alert.json").getContentAsString(StandardCharsets.UTF_8));
		ObjectNode alert = (ObjectNode) notification.get("alerts").get(0);
		ObjectNode alertLabels = (ObjectNode) alert.get("labels");
		alertLabels.put("alertname", alertname);
		alertLabels.put("severity", severity);
		for (String pair : List.of(labels.split(";"))) {
			String[] kv = pair.split("=", 2);
			alertLabels.put(kv[0].trim(), kv[1].trim());
		}
		((ObjectNode) notification.get("groupLabels")).put("alertname", alertname);
		return JSON.writeValueAsString(notification);
	}

	/**
	 * One alert and where it must be routed.
	 *
	 * @param labels {@code key=value} pairs separated by {@code ;}
	 * @param actionType {@code -} for manual review
	 * @param target {@code Kind/name} of the resolved target
	 */
	record Case(String alertname, String severity, String labels, String rule, String actionType, String target) {

		@Override
		public String toString() {
			return this.alertname + " about " + this.target + " → " + this.rule;
		}

	}

}
