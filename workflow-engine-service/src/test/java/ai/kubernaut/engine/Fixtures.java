package ai.kubernaut.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import ai.kubernaut.contracts.catalog.WorkflowDefinition;
import ai.kubernaut.contracts.catalog.WorkflowDiscoveryResponse;
import ai.kubernaut.contracts.remediation.CreateRemediationRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test data from {@code src/test/resources/fixtures}.
 */
public final class Fixtures {

	public static final String SCALE_WORKFLOW_ID = "6b0f2c1e-9c1a-4f5e-8f7e-0a1b2c3d4e5f";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Fixtures() {
	}

	/**
	 * A Namespace and the demo api-frontend Deployment, renamed, as YAML for
	 * {@code SandboxKubernetes.seed}.
	 */
	public static InputStream deployment(String namespace, String name, int replicas) {
		String yaml = text("fixtures/deployment.yaml").replace("NAMESPACE", namespace)
			.replace("NAME", name)
			.replace("REPLICAS", Integer.toString(replicas));
		return new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The JSON body a gateway would POST for {@code alert} firing about Deployment
	 * {@code namespace/name}.
	 */
	public static String remediationRequestJson(String alert, String namespace, String name) {
		return text("fixtures/remediation-request.json").replace("FINGERPRINT", "fp-" + namespace + "-" + name)
			.replace("ALERT", alert)
			.replace("NAMESPACE", namespace)
			.replace("NAME", name);
	}

	public static CreateRemediationRequest remediationRequest(String alert, String namespace, String name) {
		return JSON.readValue(remediationRequestJson(alert, namespace, name), CreateRemediationRequest.class);
	}

	public static String scaleWorkflowJson() {
		return text("fixtures/catalog/scale-replicas-v1.json");
	}

	public static WorkflowDefinition scaleWorkflow() {
		return JSON.readValue(scaleWorkflowJson(), WorkflowDefinition.class);
	}

	public static String scaleDiscoveryJson() {
		return text("fixtures/catalog/scale-replicas-discovery.json");
	}

	public static WorkflowDiscoveryResponse scaleDiscovery() {
		return JSON.readValue(scaleDiscoveryJson(), WorkflowDiscoveryResponse.class);
	}

	private static String text(String resource) {
		try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("No test resource " + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
