package ai.kubernaut.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loads the Kubernaut demo scenarios of {@code kubernetes/workloads/*.json} (copied from
 * the public demo workloads) into a sandbox API: the objects the gateway reads (their
 * namespaces, workloads with their ReplicaSet/Pod owner chains, PDBs, HPAs,
 * NetworkPolicies, PVCs), exactly as the scenarios define them.
 */
public final class DemoWorkloads {

	public static final List<String> SCENARIOS = List.of("pdb-deadlock", "crashloop-helm", "crashloop", "gitops-drift",
			"hpa-maxed", "stuck-rollout", "statefulset-pvc-failure", "network-policy-block", "mesh-routing-failure",
			"memory-leak", "pvc-capacity-forecast");

	private static final Set<String> KINDS = Set.of("Namespace", "Deployment", "ReplicaSet", "Pod", "StatefulSet",
			"HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy", "PersistentVolumeClaim");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private DemoWorkloads() {
	}

	public static void load(KubernetesClient client) {
		for (String scenario : SCENARIOS) {
			try (InputStream in = DemoWorkloads.class
				.getResourceAsStream("/kubernetes/workloads/" + scenario + ".json")) {
				for (JsonNode object : JSON.readTree(in).get("objects")) {
					if (KINDS.contains(object.get("kind").asString())) {
						create(client, (ObjectNode) object);
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	private static void create(KubernetesClient client, ObjectNode object) {
		ObjectNode metadata = (ObjectNode) object.get("metadata");
		// The server assigns its own.
		metadata.remove("uid");
		metadata.remove("resourceVersion");
		HasMetadata resource = client.getKubernetesSerialization()
			.unmarshal(JSON.writeValueAsString(object), HasMetadata.class);
		try {
			client.resource(resource).create();
		}
		catch (KubernetesClientException ex) {
			// Scenarios share a few namespaces (argocd); the first one wins.
			if (ex.getCode() != 409) {
				throw ex;
			}
		}
	}

}
