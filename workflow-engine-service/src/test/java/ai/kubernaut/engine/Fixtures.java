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
		return remediationRequestJson(alert, "Deployment", namespace, name, null);
	}

	/**
	 * Like {@link #remediationRequestJson(String, String, String)}, for a target of any
	 * kind, with the gateway's route when {@code route} (a JSON object) is given.
	 */
	public static String remediationRequestJson(String alert, String kind, String namespace, String name,
			String route) {
		return text("fixtures/remediation-request.json").replace("FINGERPRINT", "fp-" + namespace + "-" + name)
			.replace("ROUTE", (route != null) ? "\"route\": " + route + ",\n  " : "")
			.replace("ALERT", alert)
			.replace("KIND", kind)
			.replace("NAMESPACE", namespace)
			.replace("NAME", name);
	}

	public static CreateRemediationRequest remediationRequest(String alert, String namespace, String name) {
		return JSON.readValue(remediationRequestJson(alert, namespace, name), CreateRemediationRequest.class);
	}

	/**
	 * A test resource's text, if it exists.
	 */
	public static java.util.Optional<String> optionalText(String resource) {
		if (Fixtures.class.getClassLoader().getResource(resource) == null) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(text(resource));
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
