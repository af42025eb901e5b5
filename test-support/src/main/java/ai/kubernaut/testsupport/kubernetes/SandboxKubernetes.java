package ai.kubernaut.testsupport.kubernetes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;

/**
 * A sandbox Kubernetes API: fabric8's mock server in CRUD mode over plain HTTP on the
 * loopback interface. It stores objects and answers the API like a server would (create,
 * get, list with selectors, patch, scale, watch; {@code dryRun=All} writes are answered
 * without being stored), but runs no controllers: no pods start, no status changes unless
 * someone writes it. {@link #seed} therefore also plays the Deployment controller once,
 * creating a ReplicaSet and Pods with ownerReferences for every seeded Deployment so that
 * owner resolution (Pod → ReplicaSet → Deployment) works.
 */
public final class SandboxKubernetes implements AutoCloseable {

	private final KubernetesMockServer server;

	private final KubernetesClient client;

	private SandboxKubernetes(KubernetesMockServer server) {
		this.server = server;
		// No client-side retries: the sandbox answers at once, and tests must see
		// failures as they happen.
		this.client = server.createClient((builder) -> builder.withConfig(
				new ConfigBuilder(server.createClient().getConfiguration()).withRequestRetryBackoffLimit(0).build()));
	}

	/**
	 * Starts a sandbox on {@code port} (0 picks a free one) of 127.0.0.1.
	 */
	public static SandboxKubernetes start(int port) {
		KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
				new DiscoveryDispatcher(new DryRunDispatcher(new KubernetesCrudDispatcher())), false);
		server.init(InetAddress.getLoopbackAddress(), port);
		return new SandboxKubernetes(server);
	}

	public KubernetesClient client() {
		return this.client;
	}

	public int port() {
		return this.server.getPort();
	}

	public String url() {
		return "http://127.0.0.1:" + port();
	}

	/**
	 * Creates every object of a multi-document YAML stream, in order, then simulates the
	 * Deployment controller for the Deployments among them.
	 */
	public List<HasMetadata> seed(InputStream yaml) {
		List<HasMetadata> created = this.client.load(yaml).items().stream().map(this::create).toList();
		created.stream()
			.filter(Deployment.class::isInstance)
			.map(Deployment.class::cast)
			.forEach(this::simulateRollout);
		return created;
	}

	private HasMetadata create(HasMetadata object) {
		return this.client.resource(object).create();
	}

	private void simulateRollout(Deployment deployment) {
		String namespace = deployment.getMetadata().getNamespace();
		String name = deployment.getMetadata().getName();
		String hash = Integer.toHexString(Math.abs(name.hashCode() % 0xfffff) + 0x10000).toLowerCase(Locale.ROOT);
		Map<String, String> podLabels = new HashMap<>(deployment.getSpec().getTemplate().getMetadata().getLabels());
		podLabels.put("pod-template-hash", hash);
		ReplicaSet replicaSet = this.client.apps()
			.replicaSets()
			.inNamespace(namespace)
			.resource(new ReplicaSetBuilder().withNewMetadata()
				.withName(name + "-" + hash)
				.withNamespace(namespace)
				.withLabels(podLabels)
				.withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("apps/v1")
					.withKind("Deployment")
					.withName(name)
					.withUid(deployment.getMetadata().getUid())
					.withController(true)
					.withBlockOwnerDeletion(true)
					.build())
				.endMetadata()
				.withNewSpec()
				.withReplicas(deployment.getSpec().getReplicas())
				.withNewSelector()
				.withMatchLabels(podLabels)
				.endSelector()
				.withTemplate(deployment.getSpec().getTemplate())
				.endSpec()
				.build())
			.create();
		int replicas = (deployment.getSpec().getReplicas() != null) ? deployment.getSpec().getReplicas() : 1;
		for (int i = 0; i < replicas; i++) {
			Pod pod = new PodBuilder().withNewMetadata()
				.withName(replicaSet.getMetadata().getName() + "-" + podSuffix(name, i))
				.withNamespace(namespace)
				.withLabels(podLabels)
				.withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("apps/v1")
					.withKind("ReplicaSet")
					.withName(replicaSet.getMetadata().getName())
					.withUid(replicaSet.getMetadata().getUid())
					.withController(true)
					.withBlockOwnerDeletion(true)
					.build())
				.endMetadata()
				.withSpec(deployment.getSpec().getTemplate().getSpec())
				.build();
			this.client.pods().inNamespace(namespace).resource(pod).create();
		}
	}

	private static String podSuffix(String name, int index) {
		String alphabet = "bcdfghjklmnpqrstvwxz2456789";
		int seed = Math.abs((name + index).hashCode());
		StringBuilder suffix = new StringBuilder();
		for (int i = 0; i < 5; i++) {
			suffix.append(alphabet.charAt(seed % alphabet.length()));
			seed = seed / alphabet.length() + 7 * i;
		}
		return suffix.toString();
	}

	/**
	 * Writes a kubeconfig for this sandbox, usable by fabric8,
	 * {@code kubectl --kubeconfig} and as the {@code --kubeconfig} of the services.
	 */
	public Path writeKubeconfig(Path file) {
		String kubeconfig = """
				apiVersion: v1
				kind: Config
				clusters:
				- name: kubernaut-sandbox
				  cluster:
				    server: %s
				contexts:
				- name: kubernaut-sandbox
				  context:
				    cluster: kubernaut-sandbox
				    user: sandbox
				    namespace: default
				current-context: kubernaut-sandbox
				users:
				- name: sandbox
				  user:
				    token: sandbox
				""".formatted(url());
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, kubeconfig);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + file, ex);
		}
	}

	@Override
	public void close() {
		this.client.close();
		this.server.destroy();
	}

}
