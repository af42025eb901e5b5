package ai.kubernaut.localstack;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The five services running as five Spring contexts in this JVM, each on its own port
 * with its own configuration file, all pointed at one database and one Kubernetes API.
 * Used by the local stack and by the end-to-end test, so both run exactly the same
 * wiring.
 */
public final class Suite implements AutoCloseable {

	private final Map<ServiceId, ConfigurableApplicationContext> contexts = new EnumMap<>(ServiceId.class);

	private final Map<ServiceId, URI> urls = new EnumMap<>(ServiceId.class);

	private Suite() {
	}

	/**
	 * Starts every service, in dependency order. If one fails, those already started are
	 * closed again.
	 */
	public static Suite start(SuiteSettings settings) {
		Suite suite = new Suite();
		try {
			for (ServiceId service : ServiceId.values()) {
				suite.startService(service, settings);
			}
			return suite;
		}
		catch (RuntimeException ex) {
			suite.close();
			throw ex;
		}
	}

	private void startService(ServiceId service, SuiteSettings settings) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("server.port", String.valueOf(settings.port(service)));
		properties.put("spring.datasource.url", settings.jdbcUrl());
		properties.put("spring.datasource.username", settings.dbUser());
		properties.put("spring.datasource.password", settings.dbPassword());
		properties.put("kubernaut.security.tokens[0].name", "local-dev");
		properties.put("kubernaut.security.tokens[0].token", settings.token());
		properties.put("kubernaut.security.tokens[0].roles", "read,write,approver");
		// Five contexts share one logging system; a per-application name in each line
		// would be whichever
		// context initialised logging last, so leave it out and rely on logger names.
		properties.put("logging.include-application-name", "false");
		properties.put("spring.main.banner-mode", "off");
		// The sandbox API shares this JVM and would log every request it answers.
		properties.put("logging.level.io.fabric8.mockwebserver", "WARN");
		if (service != ServiceId.DATA_STORAGE) {
			client(properties, "kubernaut.audit.data-storage", url(ServiceId.DATA_STORAGE), settings.token());
		}
		switch (service) {
			case GATEWAY -> {
				properties.put("kubernaut.kubernetes.kubeconfig", settings.kubeconfig().toString());
				client(properties, "kubernaut.gateway.clients.workflow-engine", url(ServiceId.WORKFLOW_ENGINE),
						settings.token());
			}
			case WORKFLOW_ENGINE -> {
				properties.put("kubernaut.kubernetes.kubeconfig", settings.kubeconfig().toString());
				client(properties, "kubernaut.engine.clients.data-storage", url(ServiceId.DATA_STORAGE),
						settings.token());
				client(properties, "kubernaut.engine.clients.notification", url(ServiceId.NOTIFICATION),
						settings.token());
				client(properties, "kubernaut.engine.clients.approval", url(ServiceId.APPROVAL), settings.token());
			}
			case APPROVAL -> {
				// Development-only link secret and approver, so one-click links work in
				// the local stack.
				properties.put("kubernaut.approval.links.secret", "local-dev-approval-link-secret-0123456789abcdef");
				properties.put("kubernaut.approval.links.base-url", "http://localhost:" + settings.port(service));
				properties.put("kubernaut.approval.approvers.local-dev.namespaces", "*");
				// The decision callback to the engine is an authenticated API call too.
				properties.put("kubernaut.approval.callbacks.token", settings.token());
			}
			default -> {
			}
		}
		properties.putAll(settings.extra(service));
		List<String> args = new ArrayList<>();
		properties.forEach((key, value) -> args.add("--" + key + "=" + value));
		ConfigurableApplicationContext context = service.application()
			.registerShutdownHook(false)
			.run(args.toArray(String[]::new));
		this.contexts.put(service, context);
		String port = context.getEnvironment().getProperty("local.server.port");
		this.urls.put(service, URI.create("http://localhost:" + port));
	}

	private static void client(Map<String, String> properties, String prefix, URI baseUrl, String token) {
		properties.put(prefix + ".base-url", baseUrl.toString());
		properties.put(prefix + ".token", token);
	}

	/**
	 * The base URL of a running service.
	 */
	public URI url(ServiceId service) {
		URI url = this.urls.get(service);
		if (url == null) {
			throw new IllegalStateException(service.serviceName() + " is not running");
		}
		return url;
	}

	public ConfigurableApplicationContext context(ServiceId service) {
		return this.contexts.get(service);
	}

	/**
	 * Stops the services in reverse start order, so no service outlives one that calls
	 * it.
	 */
	@Override
	public void close() {
		List<ServiceId> running = new ArrayList<>(this.contexts.keySet());
		Collections.reverse(running);
		for (ServiceId service : running) {
			this.contexts.remove(service).close();
		}
		this.urls.clear();
	}

}
