package ai.kubernaut.gateway.owner;

import java.util.List;
import java.util.Map;

import ai.kubernaut.contracts.signal.ResourceRef;
import ai.kubernaut.gateway.cluster.ClusterObject;
import org.junit.jupiter.api.Test;

import static ai.kubernaut.gateway.owner.InMemoryCluster.controller;
import static org.assertj.core.api.Assertions.assertThat;

class TargetResolverTest {

	private static final Map<String, String> MANAGED = Map.of("kubernaut.ai/managed", "true");

	private static final ResourceRef CHECKOUT = new ResourceRef("Deployment", "demo-shop", "checkout");

	private static final ResourceRef CHECKOUT_POD = new ResourceRef("Pod", "demo-shop", "checkout-7d4b9c8f6d-x2x7q");

	private final InMemoryCluster cluster = new InMemoryCluster()
		.namespace("demo-shop", Map.of("kubernaut.ai/managed", "true", "kubernaut.ai/environment", "production"))
		.object("Deployment", "demo-shop", "checkout", Map.of("app", "checkout"))
		.object("ReplicaSet", "demo-shop", "checkout-7d4b9c8f6d", Map.of(), controller("Deployment", "checkout"))
		.object("Pod", "demo-shop", "checkout-7d4b9c8f6d-x2x7q", Map.of(),
				controller("ReplicaSet", "checkout-7d4b9c8f6d"));

	private final TargetResolver resolver = new TargetResolver(this.cluster);

	@Test
	void resolvesAPodToTheDeploymentThatOwnsItsReplicaSet() {
		ResolvedTarget target = resolved(List.of(CHECKOUT_POD));

		assertThat(target.owner()).isEqualTo(CHECKOUT);
		assertThat(target.alerting()).isEqualTo(CHECKOUT_POD);
		assertThat(target.ownerLabels()).containsEntry("app", "checkout");
		assertThat(target.namespaceLabels()).containsEntry("kubernaut.ai/environment", "production");
	}

	@Test
	void takesTheWorkloadCandidateBeforeThePod() {
		this.cluster.object("Pod", "demo-shop", "kube-state-metrics-6f8c9d7b5-m4k2p", Map.of(),
				controller("ReplicaSet", "kube-state-metrics-6f8c9d7b5"));
		ResourceRef exporterPod = new ResourceRef("Pod", "demo-shop", "kube-state-metrics-6f8c9d7b5-m4k2p");

		ResolvedTarget target = resolved(List.of(CHECKOUT, exporterPod));

		assertThat(target.owner()).isEqualTo(CHECKOUT);
		assertThat(target.alerting()).isEqualTo(CHECKOUT);
	}

	@Test
	void fallsBackToTheNextCandidateWhenTheNamedWorkloadDoesNotExist() {
		ResolvedTarget target = resolved(List.of(new ResourceRef("Deployment", "demo-shop", "gone"), CHECKOUT_POD));

		assertThat(target.owner()).isEqualTo(CHECKOUT);
	}

	@Test
	void namesEveryObjectLookedUpWhenNoneExists() {
		TargetResolution resolution = this.resolver.resolve(List.of(new ResourceRef("Deployment", "demo-shop", "gone"),
				new ResourceRef("Pod", "demo-shop", "gone-abc12")));

		assertThat(resolution).isInstanceOfSatisfying(TargetNotFound.class, (notFound) -> assertThat(notFound.detail())
			.contains("Deployment demo-shop/gone", "Pod demo-shop/gone-abc12"));
	}

	@Test
	void saysTheAlertNamesNoWorkloadWhenItHasNoCandidate() {
		TargetResolution resolution = this.resolver.resolve(List.of());

		assertThat(resolution).isInstanceOfSatisfying(TargetNotFound.class,
				(notFound) -> assertThat(notFound.detail()).contains("names no workload"));
	}

	@Test
	void stopsAtAnOwnerOfAKindItDoesNotRead() {
		this.cluster
			.object("ReplicaSet", "demo-shop", "storefront-5c6d7", Map.of(),
					new ClusterObject.Owner("argoproj.io/v1alpha1", "Rollout", "storefront", true))
			.object("Pod", "demo-shop", "storefront-5c6d7-abcde", Map.of(),
					controller("ReplicaSet", "storefront-5c6d7"));

		ResolvedTarget target = resolved(List.of(new ResourceRef("Pod", "demo-shop", "storefront-5c6d7-abcde")));

		assertThat(target.owner()).isEqualTo(new ResourceRef("Rollout", "demo-shop", "storefront"));
		assertThat(target.ownerLabels()).isEmpty();
	}

	@Test
	void followsOnlyControllerReferences() {
		this.cluster.object("Pod", "demo-shop", "debug-shell", Map.of(),
				new ClusterObject.Owner("apps/v1", "Deployment", "checkout", false));

		ResolvedTarget target = resolved(List.of(new ResourceRef("Pod", "demo-shop", "debug-shell")));

		assertThat(target.owner()).isEqualTo(new ResourceRef("Pod", "demo-shop", "debug-shell"));
	}

	@Test
	void stopsWalkingAnOwnerCycle() {
		this.cluster.object("ReplicaSet", "demo-shop", "a", Map.of(), controller("ReplicaSet", "b"))
			.object("ReplicaSet", "demo-shop", "b", Map.of(), controller("ReplicaSet", "a"));

		ResolvedTarget target = resolved(List.of(new ResourceRef("ReplicaSet", "demo-shop", "a")));

		assertThat(target.owner().kind()).isEqualTo("ReplicaSet");
	}

	@Test
	void treatsAWorkloadAsManagedWhenItsNamespaceIs() {
		assertThat(resolved(List.of(CHECKOUT)).managed()).isTrue();
	}

	@Test
	void letsAWorkloadOptOutOfAManagedNamespace() {
		this.cluster.object("Deployment", "demo-shop", "legacy-batch", Map.of("kubernaut.ai/managed", "false"));

		assertThat(resolved(List.of(new ResourceRef("Deployment", "demo-shop", "legacy-batch"))).managed()).isFalse();
	}

	@Test
	void letsAWorkloadOptInAlone() {
		this.cluster.namespace("sandbox-lab", Map.of())
			.object("Deployment", "sandbox-lab", "scratch", MANAGED)
			.object("Deployment", "sandbox-lab", "other", Map.of());

		assertThat(resolved(List.of(new ResourceRef("Deployment", "sandbox-lab", "scratch"))).managed()).isTrue();
		assertThat(resolved(List.of(new ResourceRef("Deployment", "sandbox-lab", "other"))).managed()).isFalse();
	}

	private ResolvedTarget resolved(List<ResourceRef> candidates) {
		TargetResolution resolution = this.resolver.resolve(candidates);
		assertThat(resolution).isInstanceOf(ResolvedTarget.class);
		return (ResolvedTarget) resolution;
	}

}
