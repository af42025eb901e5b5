package ai.kubernaut.actions;

import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

import ai.kubernaut.actions.mutation.GuardrailSettings;
import ai.kubernaut.actions.mutation.Guardrails;
import ai.kubernaut.actions.mutation.ObjectMutator;

/**
 * fabric8's mock API server in CRUD mode with expectations on top (an expectation wins
 * over the CRUD store, which is how tests stub what the store cannot do: dry runs,
 * throttling, conflicts), plain HTTP on the loopback, and a client that does not retry.
 * Each test uses its own namespace, since the store lives as long as the server.
 */
public final class MockCluster implements AutoCloseable {

	private final KubernetesMockServer server;

	private final KubernetesClient client;

	private MockCluster(KubernetesMockServer server) {
		this.server = server;
		this.client = server.createClient((builder) -> builder.withConfig(
				new ConfigBuilder(server.createClient().getConfiguration()).withRequestRetryBackoffLimit(0).build()));
	}

	public static MockCluster start() {
		Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
		KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
				new KubernetesMixedDispatcher(responses), false);
		server.init(InetAddress.getLoopbackAddress(), 0);
		return new MockCluster(server);
	}

	public KubernetesMockServer server() {
		return this.server;
	}

	public KubernetesClient client() {
		return this.client;
	}

	/**
	 * A mutator with the default guard rails and no practical rate limit.
	 */
	public ObjectMutator mutator() {
		GuardrailSettings defaults = GuardrailSettings.defaults();
		return new ObjectMutator(this.client, new Guardrails(
				new GuardrailSettings(defaults.deniedNamespaces(), List.of(), true, 1000, defaults.maxRetryAfter()),
				this.client, Clock.systemUTC()));
	}

	/**
	 * Creates a namespace labelled {@code kubernaut.ai/managed=true} with a unique name.
	 */
	public String managedNamespace(String prefix) {
		String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		this.client.namespaces()
			.resource(new NamespaceBuilder().withNewMetadata()
				.withName(name)
				.addToLabels(Guardrails.MANAGED_LABEL, "true")
				.endMetadata()
				.build())
			.create();
		return name;
	}

	public <T extends HasMetadata> T create(T object) {
		return this.client.resource(object).create();
	}

	/**
	 * Answers the engine's dry-run JSON Patch of the object at {@code path} (e.g.
	 * {@code /apis/apps/v1/namespaces/demo/deployments/web}) with {@code response} and
	 * stores nothing, as a real API server does; the CRUD store would store it.
	 */
	public void stubDryRunPatch(String path, Object response) {
		this.server.expect()
			.patch()
			.withPath(path + "?fieldManager=" + ObjectMutator.FIELD_MANAGER + "&dryRun=All")
			.andReturn(200, response)
			.always();
	}

	/**
	 * Every request the server received since the last call, oldest first.
	 */
	public List<RecordedRequest> requests() {
		List<RecordedRequest> requests = new ArrayList<>();
		try {
			RecordedRequest request;
			while ((request = this.server.takeRequest(1, TimeUnit.MILLISECONDS)) != null) {
				requests.add(request);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return requests;
	}

	/**
	 * The writes (anything but GET) among {@link #requests()}.
	 */
	public List<RecordedRequest> writes() {
		return requests().stream().filter((request) -> !"GET".equals(request.getMethod())).toList();
	}

	public static ActionContext context(String stepId, Map<String, Object> parameters) {
		return new ActionContext(UUID.randomUUID(), stepId, parameters);
	}

	@Override
	public void close() {
		this.client.close();
		this.server.destroy();
	}

}
