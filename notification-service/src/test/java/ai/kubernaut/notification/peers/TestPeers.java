package ai.kubernaut.notification.peers;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the stand-in peers once per JVM and tells the configuration where they are:
 * {@code test.peers.http-url} and {@code test.peers.smtp-port}, which
 * {@code notification-service-test.yml} uses for its receivers and {@code spring.mail}.
 */
public final class TestPeers implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static StubHttpServer http;

	private static SmtpSink smtp;

	public static synchronized StubHttpServer http() {
		if (http == null) {
			http = new StubHttpServer();
		}
		return http;
	}

	public static synchronized SmtpSink smtp() {
		if (smtp == null) {
			smtp = new SmtpSink();
		}
		return smtp;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("testPeers",
					Map.of("test.peers.http-url", http().baseUrl(), "test.peers.smtp-port", smtp().port())));
	}

}
