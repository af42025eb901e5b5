package ai.kubernaut.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ai.kubernaut.testsupport.kubernetes.SandboxKubernetes;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * What the gateway talks to in integration tests: a sandbox Kubernetes API seeded from
 * {@code kubernetes/demo-shop.yaml} and the {@link DemoWorkloads} scenarios, reached
 * through a kubeconfig file as in production, and a {@link StubEngine}. Both are started
 * once per Spring context and registered as beans so tests can inspect and steer them.
 */
public final class GatewaySandbox implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		SandboxKubernetes kubernetes = SandboxKubernetes.start(0);
		try (InputStream yaml = GatewaySandbox.class.getResourceAsStream("/kubernetes/demo-shop.yaml")) {
			kubernetes.seed(yaml);
			DemoWorkloads.load(kubernetes.client());
			Path kubeconfig = kubernetes
				.writeKubeconfig(Files.createTempDirectory("gateway-sandbox").resolve("config"));
			StubEngine engine = StubEngine.start();
			TestPropertyValues
				.of("kubernaut.kubernetes.kubeconfig=" + kubeconfig,
						"kubernaut.gateway.clients.workflow-engine.base-url=" + engine.url())
				.applyTo(context);
			context.getBeanFactory().registerSingleton("sandboxKubernetes", kubernetes);
			context.getBeanFactory().registerSingleton("stubEngine", engine);
			context.addApplicationListener((ContextClosedEvent event) -> {
				engine.close();
				kubernetes.close();
			});
		}
		catch (IOException ex) {
			kubernetes.close();
			throw new UncheckedIOException(ex);
		}
	}

}
