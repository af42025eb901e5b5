package ai.kubernaut.engine.remediation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import ai.kubernaut.contracts.notification.NotificationType;
import ai.kubernaut.contracts.remediation.RemediationPhase;
import ai.kubernaut.contracts.remediation.RemediationView;
import ai.kubernaut.contracts.remediation.StepPhase;
import ai.kubernaut.dag.DagExecutor;
import ai.kubernaut.engine.Fixtures;
import ai.kubernaut.engine.action.ActionPlanner;
import ai.kubernaut.actions.ActionRegistry;
import ai.kubernaut.engine.action.LimitsProperties;
import ai.kubernaut.engine.action.ScaleDeploymentAction;
import ai.kubernaut.engine.catalog.WorkflowQuery;
import ai.kubernaut.engine.catalog.WorkflowSelector;
import ai.kubernaut.engine.notification.RemediationNotifier;
import ai.kubernaut.engine.routing.RoutingProperties;
import ai.kubernaut.engine.routing.SignalRouter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.ResourceAccessException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The remediation flow from {@code PENDING} to its end, on the real database with fake
 * peers and a fake cluster.
 */
class RemediationProcessorTest {

	static final Instant ACCEPTED = Instant.parse("2026-06-02T15:05:00Z");

	final RemediationRepository repository = EngineDatabase.repository();

	final FakeWorkflowCatalog catalog = new FakeWorkflowCatalog().register(Fixtures.scaleWorkflow());

	final FakeNotifications notifications = new FakeNotifications();

	final FakeCluster cluster = new FakeCluster();

	final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	/** Unique per test: the database outlives the test. */
	final String namespace = "ns-" + UUID.randomUUID().toString().substring(0, 8);

	RemediationProcessor processor;

	@BeforeEach
	void setUp() {
		SignalRouter router = new SignalRouter(List.of(
				new RoutingProperties.Rule("HighRequestLatency", "ScaleReplicas", Map.of("SCALE_REPLICAS", "+1")),
				new RoutingProperties.Rule("KubePodCrashLooping", "RestartPod", Map.of())));
		ActionRegistry actions = new ActionRegistry(
				List.of(new ScaleDeploymentAction(this.cluster, new LimitsProperties(20))));
		this.processor = new RemediationProcessor(this.repository, router, new WorkflowSelector(this.catalog),
				new ActionPlanner(actions), actions, new DagExecutor(2),
				new RemediationNotifier(this.notifications, this.meters), new RemediationMetrics(this.meters),
				Clock.fixed(ACCEPTED.plusSeconds(3), ZoneOffset.UTC));
	}

	@Test
	void scalesTheTargetAndCompletesTheRemediation() {
		this.cluster.deployment(this.namespace, "api-frontend", 3);
		UUID id = accept("HighRequestLatency", "api-frontend");

		this.processor.process(id);

		RemediationView view = view(id);
		assertThat(view.phase()).isEqualTo(RemediationPhase.COMPLETED);
		assertThat(view.actionType()).isEqualTo("ScaleReplicas");
		assertThat(view.workflowName()).isEqualTo("scale-replicas-v1");
		assertThat(view.failureReason()).isNull();
		assertThat(view.completedAt()).isEqualTo(ACCEPTED.plusSeconds(3));
		assertThat(view.steps()).singleElement().satisfies((step) -> {
			assertThat(step.phase()).isEqualTo(StepPhase.SUCCEEDED);
			assertThat(step.output()).isEqualTo(Map.of("previousReplicas", 3, "replicas", 4));
		});
		assertThat(this.cluster.replicas(this.namespace, "api-frontend")).isEqualTo(4);
		assertThat(this.catalog.queries)
			.containsExactly(new WorkflowQuery("ScaleReplicas", "critical", "apps/v1/Deployment", "production", "P1"));
		assertThat(this.notifications.sent).singleElement()
			.satisfies((sent) -> assertThat(sent.type()).isEqualTo(NotificationType.REMEDIATION_COMPLETED));
		assertThat(this.meters.get("kubernaut.remediations").tag("outcome", "completed").counter().count())
			.isEqualTo(1);
		assertThat(this.meters.get("kubernaut.remediation.duration").timer().totalTime(TimeUnit.SECONDS)).isEqualTo(3);
		assertThat(this.meters.get("kubernaut.remediation.steps")
			.tags("action", "scale_deployment", "outcome", "succeeded")
			.counter()
			.count()).isEqualTo(1);
	}

	@Test
	void failsWhenNoRouteKnowsTheAlert() {
		UUID id = accept("DiskAlmostFull", "api-frontend");

		this.processor.process(id);

		RemediationView view = view(id);
		assertThat(view.phase()).isEqualTo(RemediationPhase.FAILED);
		assertThat(view.failureReason()).isEqualTo("no route for alert DiskAlmostFull");
		assertThat(view.actionType()).isNull();
		assertThat(this.catalog.queries).isEmpty();
		assertThat(this.notifications.sent).singleElement().satisfies((sent) -> {
			assertThat(sent.type()).isEqualTo(NotificationType.REMEDIATION_FAILED);
			assertThat(sent.body()).contains("**Reason:** no route for alert DiskAlmostFull");
		});
		assertThat(this.meters.get("kubernaut.remediations").tag("outcome", "failed").counter().count()).isEqualTo(1);
	}

	@Test
	void failsWhenTheCatalogHasNoMatchingWorkflow() {
		UUID id = accept("KubePodCrashLooping", "api-frontend");

		this.processor.process(id);

		RemediationView view = view(id);
		assertThat(view.phase()).isEqualTo(RemediationPhase.FAILED);
		assertThat(view.actionType()).isEqualTo("RestartPod");
		assertThat(view.failureReason()).isEqualTo(
				"no workflow for RestartPod matching severity=critical, component=apps/v1/Deployment, environment=production, priority=P1");
		assertThat(view.steps()).isEmpty();
	}

	@Test
	void failsWithTheStepErrorWhenTheDeploymentIsMissing() {
		UUID id = accept("HighRequestLatency", "deleted-meanwhile");

		this.processor.process(id);

		RemediationView view = view(id);
		assertThat(view.phase()).isEqualTo(RemediationPhase.FAILED);
		assertThat(view.failureReason()).isEqualTo(
				"step scale_deployment failed: Deployment " + this.namespace + "/deleted-meanwhile does not exist");
		assertThat(view.steps()).singleElement().satisfies((step) -> {
			assertThat(step.phase()).isEqualTo(StepPhase.FAILED);
			assertThat(step.error()).endsWith("does not exist");
			assertThat(step.output()).isNull();
		});
		assertThat(this.meters.get("kubernaut.remediation.steps").tag("outcome", "failed").counter().count())
			.isEqualTo(1);
	}

	@Test
	void failsWithTheReasonWhenTheCatalogIsUnreachable() {
		this.catalog.failWith(new ResourceAccessException("Connection refused"));
		UUID id = accept("HighRequestLatency", "api-frontend");

		this.processor.process(id);

		assertThat(view(id).failureReason()).isEqualTo("the workflow catalog could not be queried: Connection refused");
	}

	@Test
	void aNotificationOutageNeverFailsTheRemediation() {
		this.cluster.deployment(this.namespace, "api-frontend", 1);
		this.notifications.failWith(new ResourceAccessException("notification-service: Connection refused"));
		UUID id = accept("HighRequestLatency", "api-frontend");

		this.processor.process(id);

		assertThat(view(id).phase()).isEqualTo(RemediationPhase.COMPLETED);
		assertThat(this.meters.get("kubernaut.remediation.notifications").tag("outcome", "failed").counter().count())
			.isEqualTo(1);
	}

	@Test
	void processingTheSameRemediationTwiceActsOnce() {
		this.cluster.deployment(this.namespace, "api-frontend", 3);
		UUID id = accept("HighRequestLatency", "api-frontend");

		this.processor.process(id);
		this.processor.process(id);

		assertThat(this.cluster.replicas(this.namespace, "api-frontend")).isEqualTo(4);
		assertThat(this.notifications.sent).hasSize(1);
	}

	private UUID accept(String alert, String name) {
		Remediation remediation = Remediation.received(UUID.randomUUID(),
				Fixtures.remediationRequest(alert, this.namespace, name), ACCEPTED);
		this.repository.insert(remediation);
		return remediation.id();
	}

	private RemediationView view(UUID id) {
		return this.repository.findView(id).orElseThrow();
	}

}
