package ai.kubernaut.actions.observe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.kubernaut.actions.MockCluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class HealthCheckActionTest {

	private static MockCluster cluster;

	private static HttpServer server;

	private static HealthCheckAction check;

	private static final AtomicInteger calls = new AtomicInteger();

	@BeforeAll
	static void start() throws IOException {
		cluster = MockCluster.start();
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		// Unhealthy for the first two calls, as a service is while it restarts.
		server.createContext("/recovering", (exchange) -> {
			int status = (calls.incrementAndGet() <= 2) ? 503 : 200;
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		server.createContext("/down", (exchange) -> {
			exchange.sendResponseHeaders(500, -1);
			exchange.close();
		});
		server.start();
		check = new HealthCheckAction(cluster.client(),
				HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build(),
				new Poller(Clock.systemUTC(), Duration.ofMillis(20)));
	}

	@AfterAll
	static void stop() {
		server.stop(0);
		cluster.close();
	}

	@Test
	void asksTheUrlAgainUntilItAnswersTheExpectedStatus() {
		calls.set(0);

		Map<String, Object> output = check.execute(MockCluster.context("check", Map.of("URL", url("/recovering"))));

		assertThat(output).containsEntry("healthy", true).containsEntry("status", 200).containsEntry("attempts", 3);
	}

	@Test
	void failsAtTheTimeoutWithTheLastAnswer() {
		assertThatIllegalStateException()
			.isThrownBy(() -> check.execute(MockCluster.context("check", Map.of("URL", url("/down"), "TIMEOUT", "1s"))))
			.withMessageContaining("GET " + url("/down") + " did not answer 200 within 1s")
			.withMessageContaining("last: status 500");
	}

	@Test
	void anExpectedStatusOtherThan200CountsAsHealthy() {
		assertThat(check.execute(
				MockCluster.context("check", Map.of("URL", url("/down"), "EXPECTED_STATUS", "500", "TIMEOUT", "5s"))))
			.containsEntry("healthy", true);
	}

	@Test
	void withoutAUrlTheTargetWorkloadMustHaveAllReplicasReady() {
		String namespace = cluster.managedNamespace("health");
		Deployment deployment = cluster.create(WaitForRolloutActionTest.deployment(namespace, "web", 2));
		Map<String, Object> target = new java.util.HashMap<>(
				WaitForRolloutActionTest.target(namespace, "Deployment", "web"));
		target.put("TIMEOUT", "1s");
		cluster.client().apps().deployments().inNamespace(namespace).withName("web").editStatus((d) -> {
			d.setStatus(
					new io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder().withReadyReplicas(1).build());
			return d;
		});

		assertThatIllegalStateException().isThrownBy(() -> check.execute(MockCluster.context("check", target)))
			.withMessageContaining("Deployment/" + namespace + "/web not healthy within 1s: 1/2 ready");

		cluster.client().apps().deployments().inNamespace(namespace).withName("web").editStatus((d) -> {
			d.setStatus(
					new io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder().withReadyReplicas(2).build());
			return d;
		});
		assertThat(check.execute(MockCluster.context("check", target))).containsEntry("healthy", true)
			.containsEntry("status", "2/2 ready");
		assertThat(deployment).isNotNull();
	}

	@Test
	void validationNamesTheBadParameters() {
		assertThat(check.validate(Map.of("URL", "ftp://host/x", "EXPECTED_STATUS", "ok", "TIMEOUT", "1h")))
			.containsExactly("URL must be an absolute http or https URL, got \"ftp://host/x\"",
					"EXPECTED_STATUS must be an HTTP status between 100 and 599, got \"ok\"",
					"TIMEOUT must be between 1s and 30m, got \"1h\"");
		assertThat(check.validate(Map.of()))
			.containsExactly("health_check needs URL, or a target (TARGET_RESOURCE_KIND, TARGET_RESOURCE_NAME)");
	}

	private static String url(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

}
