package ai.kubernaut.engine.crash;

import ai.kubernaut.engine.WorkflowEngineApplication;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * The engine as its own JVM, for tests that kill it: prints its HTTP port once listening,
 * so the parent test can talk to it.
 */
public final class EngineChild {

	static final String PORT_LINE = "ENGINE_CHILD_PORT=";

	private EngineChild() {
	}

	public static void main(String[] args) {
		WorkflowEngineApplication.application()
			.listeners((ApplicationListener<WebServerInitializedEvent>) (event) -> System.out
				.println(PORT_LINE + event.getWebServer().getPort()))
			.run(args);
	}

}
