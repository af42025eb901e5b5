package ai.kubernaut.gateway.prometheus;

import java.time.Instant;
import java.util.function.Consumer;

import ai.kubernaut.contracts.signal.ResourceRef;
import ai.kubernaut.gateway.intake.InvalidSignalException;
import ai.kubernaut.gateway.signal.NormalizedSignal;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class AlertmanagerNormalizerTest {

	private final AlertmanagerNormalizer normalizer = new AlertmanagerNormalizer();

	@Test
	void mergesCommonLabelsAndAnnotationsUnderTheAlertsOwn() {
		NormalizedSignal signal = normalize("high-request-latency");

		assertThat(signal.name()).isEqualTo("HighRequestLatency");
		assertThat(signal.labels()).containsEntry("team", "payments")
			.containsEntry("pod", "checkout-7d4b9c8f6d-x2x7q")
			.containsEntry("severity", "Warning");
		assertThat(signal.annotations()).containsEntry("summary", "p99 latency of checkout-7d4b9c8f6d-x2x7q is 730ms")
			.containsEntry("runbook_url", "https://runbooks.example.com/high-request-latency");
		assertThat(signal.source()).isEqualTo("prometheus");
		assertThat(signal.startsAt()).isEqualTo(Instant.parse("2026-03-14T02:51:07.123Z"));
		assertThat(signal.resolved()).isFalse();
	}

	@Test
	void lowerCasesTheSeverity() {
		assertThat(normalize("high-request-latency").severity()).isEqualTo("warning");
		assertThat(normalize("kube-deployment-replicas-mismatch").severity()).isEqualTo("critical");
	}

	@Test
	void givesSeverityUnknownWhenTheAlertHasNone() {
		NormalizedSignal signal = normalize("high-request-latency", AlertFixtures.withoutLabel("severity"));

		assertThat(signal.severity()).isEqualTo("unknown");
	}

	@Test
	void takesTheNamespaceFromExportedNamespaceBeforeNamespace() {
		NormalizedSignal signal = normalize("kube-deployment-replicas-mismatch");

		assertThat(signal.namespace()).isEqualTo("demo-shop");
	}

	@Test
	void fallsBackToTheDefaultNamespace() {
		NormalizedSignal signal = normalize("high-request-latency", AlertFixtures.withoutLabel("namespace"));

		assertThat(signal.namespace()).isEqualTo("default");
	}

	@Test
	void putsTheWorkloadLabelBeforeTheExportersPodLabel() {
		NormalizedSignal signal = normalize("kube-deployment-replicas-mismatch");

		assertThat(signal.targetCandidates()).containsExactly(new ResourceRef("Deployment", "demo-shop", "checkout"),
				new ResourceRef("Pod", "demo-shop", "kube-state-metrics-6f8c9d7b5-m4k2p"));
	}

	@Test
	void offersTheNodeBeforeThePodOfTheExporterThatScrapedIt() {
		AlertmanagerPayload payload = AlertFixtures.payload("kube-prometheus-alert",
				AlertFixtures.withLabel("node", "worker-1")
					.andThen(AlertFixtures.withLabel("namespace", "monitoring"))
					.andThen(AlertFixtures.withLabel("pod", "kube-state-metrics-7c9d8b6f5-q2w3e"))
					.andThen(AlertFixtures.withLabel("alertname", "KubeNodeNotReady")));

		// instance is 10.244.0.12:8080: an address, not a Node name.
		assertThat(this.normalizer.normalize(payload, 0).targetCandidates()).containsExactly(
				new ResourceRef("Node", "", "worker-1"),
				new ResourceRef("Pod", "monitoring", "kube-state-metrics-7c9d8b6f5-q2w3e"));
	}

	@Test
	void triesTheHostOfTheInstanceLabelAsANode() {
		AlertmanagerPayload payload = AlertFixtures.payload("kube-prometheus-alert",
				AlertFixtures.withLabel("instance", "worker-2:9100")
					.andThen(AlertFixtures.withLabel("kubernetes_node", "worker-2"))
					.andThen(AlertFixtures.withLabel("alertname", "NodeFilesystemSpaceFillingUp")));

		// The same Node named twice is looked up once.
		assertThat(this.normalizer.normalize(payload, 0).targetCandidates())
			.containsExactly(new ResourceRef("Node", "", "worker-2"));
	}

	@Test
	void offersThePodWhenTheAlertNamesNoWorkload() {
		NormalizedSignal signal = normalize("high-request-latency");

		assertThat(signal.targetCandidates())
			.containsExactly(new ResourceRef("Pod", "demo-shop", "checkout-7d4b9c8f6d-x2x7q"));
	}

	@Test
	void takesTheClusterFromTheCommonLabels() {
		assertThat(normalize("kube-deployment-replicas-mismatch").cluster()).isEqualTo("prod-eu-1");
		assertThat(normalize("high-request-latency").cluster()).isNull();
	}

	@Test
	void recognisesAResolvedAlert() {
		NormalizedSignal signal = normalize("kube-pod-crash-looping-resolved");

		assertThat(signal.resolved()).isTrue();
	}

	@Test
	void treatsAlertmanagersZeroTimeAsNoTime() {
		NormalizedSignal signal = normalize("high-request-latency",
				AlertFixtures.firstAlert((alert) -> alert.put("startsAt", "0001-01-01T00:00:00Z")));

		assertThat(signal.startsAt()).isNull();
	}

	@Test
	void dropsLabelsWithoutAValue() {
		NormalizedSignal signal = normalize("high-request-latency",
				AlertFixtures.firstAlert((alert) -> ((ObjectNode) alert.get("labels")).putNull("container")));

		assertThat(signal.labels()).doesNotContainKey("container");
	}

	@Test
	void rejectsAnAlertWithoutAlertnameNamingTheField() {
		assertThatExceptionOfType(InvalidSignalException.class).isThrownBy(() -> normalize("missing-alertname"))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("alerts[0].labels.alertname"));
	}

	@Test
	void rejectsAnUnknownAlertStatusNamingTheField() {
		assertThatExceptionOfType(InvalidSignalException.class)
			.isThrownBy(() -> normalize("high-request-latency",
					AlertFixtures.firstAlert((alert) -> alert.put("status", "pending"))))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("alerts[0].status"));
	}

	@Test
	void rejectsANotificationWithoutAlerts() {
		assertThatExceptionOfType(InvalidSignalException.class)
			.isThrownBy(() -> this.normalizer.checkNotification(AlertFixtures.payload("no-alerts")))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("alerts"));
	}

	@Test
	void readsEveryAlertOfANotificationOnItsOwn() {
		AlertmanagerPayload batch = AlertFixtures.payload("batch-mixed");

		assertThatNoException().isThrownBy(() -> this.normalizer.checkNotification(batch));
		assertThat(this.normalizer.normalize(batch, 1).name()).isEqualTo("HighRequestLatency");
		assertThat(this.normalizer.normalize(batch, 2).namespace()).isEqualTo("sandbox-lab");
		assertThatExceptionOfType(InvalidSignalException.class).isThrownBy(() -> this.normalizer.normalize(batch, 3))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("alerts[3].labels.alertname"));
	}

	@Test
	void takesAPersistentVolumeClaimBeforeThePodOfTheExporter() {
		AlertmanagerPayload payload = AlertFixtures.payload("high-request-latency",
				AlertFixtures.withLabel("persistentvolumeclaim", "data-service-data"));

		assertThat(this.normalizer.normalize(payload, 0).targetCandidates().get(0))
			.isEqualTo(new ResourceRef("PersistentVolumeClaim", "demo-shop", "data-service-data"));
	}

	@Test
	void acceptsANotificationWithOneAlert() {
		assertThatNoException()
			.isThrownBy(() -> this.normalizer.checkNotification(AlertFixtures.payload("high-request-latency")));
	}

	private NormalizedSignal normalize(String fixture) {
		return this.normalizer.normalize(AlertFixtures.payload(fixture), 0);
	}

	private NormalizedSignal normalize(String fixture, Consumer<ObjectNode> edit) {
		return this.normalizer.normalize(AlertFixtures.payload(fixture, edit), 0);
	}

}
