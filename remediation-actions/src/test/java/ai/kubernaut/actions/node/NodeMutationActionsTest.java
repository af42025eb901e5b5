package ai.kubernaut.actions.node;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Taint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.kubernaut.actions.ActionContext;
import ai.kubernaut.actions.ActionSkippedException;
import ai.kubernaut.actions.MockCluster;
import ai.kubernaut.actions.mutation.Guardrails;
import ai.kubernaut.actions.mutation.ObjectMutator;
import ai.kubernaut.actions.mutation.RestoreSnapshotAction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SuppressWarnings("unchecked")
class NodeMutationActionsTest {

	private static MockCluster cluster;

	private static ObjectMutator mutator;

	@BeforeAll
	static void start() {
		cluster = MockCluster.start();
		mutator = cluster.mutator();
	}

	@AfterAll
	static void stop() {
		cluster.close();
	}

	@Test
	void cordonMarksTheTargetNodeUnschedulableAndStampsIt() {
		String node = node(true, List.of());
		ActionContext context = nodeTarget("cordon", node, Map.of());

		Map<String, Object> output = new CordonNodeAction(mutator).execute(context);

		Node stored = read(node);
		assertThat(stored.getSpec().getUnschedulable()).isTrue();
		assertThat(stored.getMetadata().getAnnotations()).containsEntry(ObjectMutator.STEP_ANNOTATION,
				context.remediationId() + "/cordon");
		assertThat(output).containsEntry("changed", true).containsEntry("object", "Node/" + node);
		assertThat((List<Object>) output.get("changes")).containsExactly("spec.unschedulable: (none) -> true");
	}

	@Test
	void cordonIsUndoneFromItsSnapshot() {
		String node = node(true, List.of());
		Map<String, Object> output = new CordonNodeAction(mutator).execute(nodeTarget("cordon", node, Map.of()));

		@SuppressWarnings("unchecked")
		Map<String, Object> rollback = (Map<String, Object>) output.get("rollback");
		@SuppressWarnings("unchecked")
		Map<String, Object> parameters = (Map<String, Object>) rollback.get("parameters");
		new RestoreSnapshotAction(mutator).execute(MockCluster.context("cordon-rollback", parameters));

		assertThat(read(node).getSpec().getUnschedulable()).isNull();
	}

	@Test
	void aReplayedCordonWritesOnce() {
		String node = node(true, List.of());
		ActionContext context = nodeTarget("cordon", node, Map.of());
		CordonNodeAction cordon = new CordonNodeAction(mutator);
		cordon.execute(context);
		cluster.requests();

		Map<String, Object> again = cordon.execute(context);

		assertThat(again).containsEntry("alreadyApplied", true).containsEntry("changed", false);
		assertThat(cluster.writes()).isEmpty();
	}

	@Test
	void cordonDryRunShowsTheDiffAndChangesNothing() {
		String node = node(true, List.of());
		cluster.stubDryRunPatch("/api/v1/nodes/" + node, read(node));

		Map<String, Object> output = new CordonNodeAction(mutator).preview(nodeTarget("cordon", node, Map.of()));

		assertThat(output).containsEntry("dryRun", true).containsEntry("changed", true);
		assertThat((List<Object>) output.get("changes")).containsExactly("spec.unschedulable: (none) -> true");
		assertThat(read(node).getSpec().getUnschedulable()).isNull();
	}

	@Test
	void aNodeNotLabelledManagedIsNeverWritten() {
		String node = node(false, List.of());
		cluster.requests();

		assertThatThrownBy(() -> new CordonNodeAction(mutator).execute(nodeTarget("cordon", node, Map.of())))
			.isInstanceOf(ActionSkippedException.class)
			.hasMessageContaining(Guardrails.MANAGED_LABEL);
		assertThat(cluster.writes()).isEmpty();
	}

	@Test
	void uncordonMakesTheNodeSchedulableAgain() {
		String node = node(true, List.of());
		new CordonNodeAction(mutator).execute(nodeTarget("cordon", node, Map.of()));

		Map<String, Object> output = new UncordonNodeAction(mutator).execute(nodeTarget("uncordon", node, Map.of()));

		assertThat(read(node).getSpec().getUnschedulable()).isNull();
		assertThat(output).containsEntry("changed", true);
	}

	@Test
	void removeTaintRemovesOnlyTheTaintWithThatKeyFromTheNamedNode() {
		String node = node(true, List.of(new Taint("NoSchedule", "maintenance", null, "true"),
				new Taint("NoSchedule", "gpu", null, "true")));
		Map<String, Object> parameters = Map.of("TARGET_RESOURCE_KIND", "Deployment", "TARGET_RESOURCE_NAMESPACE",
				"demo", "TARGET_RESOURCE_NAME", "web", "NODE_NAME", node, "TAINT_KEY", "maintenance");

		Map<String, Object> output = new RemoveTaintAction(mutator).execute(MockCluster.context("untaint", parameters));

		assertThat(read(node).getSpec().getTaints()).extracting(Taint::getKey).containsExactly("gpu");
		assertThat(output).containsEntry("changed", true).containsEntry("taintKey", "maintenance");
	}

	@Test
	void removeTaintWithAnEffectKeepsTheSameKeyWithAnotherEffect() {
		String node = node(true, List.of(new Taint("NoSchedule", "maintenance", null, "true"),
				new Taint("NoExecute", "maintenance", null, "true")));

		new RemoveTaintAction(mutator)
			.execute(nodeTarget("untaint", node, Map.of("TAINT_KEY", "maintenance", "TAINT_EFFECT", "NoExecute")));

		assertThat(read(node).getSpec().getTaints()).extracting(Taint::getEffect).containsExactly("NoSchedule");
	}

	@Test
	void removeTaintOfAnAbsentTaintWritesNothingAndSaysSo() {
		String node = node(true, List.of());
		cluster.requests();

		Map<String, Object> output = new RemoveTaintAction(mutator)
			.execute(nodeTarget("untaint", node, Map.of("TAINT_KEY", "maintenance")));

		assertThat(output).containsEntry("changed", false);
		assertThat(output.get("note").toString()).contains("no taint with key maintenance");
		assertThat(cluster.writes()).isEmpty();
	}

	@Test
	void removeTaintIsUndoneFromItsSnapshot() {
		String node = node(true, List.of(new Taint("NoSchedule", "maintenance", null, "true")));
		Map<String, Object> output = new RemoveTaintAction(mutator)
			.execute(nodeTarget("untaint", node, Map.of("TAINT_KEY", "maintenance")));

		@SuppressWarnings("unchecked")
		Map<String, Object> parameters = (Map<String, Object>) ((Map<String, Object>) output.get("rollback"))
			.get("parameters");
		new RestoreSnapshotAction(mutator).execute(MockCluster.context("untaint-rollback", parameters));

		assertThat(read(node).getSpec().getTaints()).extracting(Taint::getKey).containsExactly("maintenance");
	}

	@Test
	void validationNamesTheMissingNodeAndABadEffect() {
		Map<String, Object> parameters = Map.of("TARGET_RESOURCE_KIND", "Deployment", "TARGET_RESOURCE_NAME", "web",
				"TAINT_KEY", "k", "TAINT_EFFECT", "Sometimes");

		assertThat(new RemoveTaintAction(mutator).validate(parameters)).containsExactly(
				"NODE_NAME is required when the target is not a Node (target kind: \"Deployment\")",
				"TAINT_EFFECT must be NoSchedule, PreferNoSchedule or NoExecute, got \"Sometimes\"");
		assertThat(new CordonNodeAction(mutator).validate(Map.of("TARGET_RESOURCE_KIND", "Node"))).isEmpty();
	}

	private static ActionContext nodeTarget(String step, String node, Map<String, Object> extra) {
		Map<String, Object> parameters = new java.util.HashMap<>(extra);
		parameters.put("TARGET_RESOURCE_KIND", "Node");
		parameters.put("TARGET_RESOURCE_NAME", node);
		return MockCluster.context(step, parameters);
	}

	private static String node(boolean managed, List<Taint> taints) {
		String name = "worker-" + UUID.randomUUID().toString().substring(0, 8);
		NodeBuilder node = new NodeBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec().endSpec();
		if (managed) {
			node.editMetadata().addToLabels(Guardrails.MANAGED_LABEL, "true").endMetadata();
		}
		if (!taints.isEmpty()) {
			node.editSpec().withTaints(taints).endSpec();
		}
		cluster.create(node.build());
		return name;
	}

	private static Node read(String name) {
		return cluster.client().nodes().withName(name).get();
	}

}
