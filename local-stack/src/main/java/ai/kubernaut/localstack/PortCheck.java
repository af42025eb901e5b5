package ai.kubernaut.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fails fast, naming every busy port, instead of letting the fifth service die on a bind
 * error half a minute in.
 */
final class PortCheck {

	private PortCheck() {
	}

	static void requireFree(StackOptions options) {
		Map<String, Integer> wanted = new LinkedHashMap<>();
		for (ServiceId service : ServiceId.values()) {
			wanted.put(service.serviceName(), service.defaultPort());
		}
		wanted.put("embedded PostgreSQL", options.databasePort());
		if (options.kubeconfig().isEmpty()) {
			wanted.put("sandbox Kubernetes API", options.sandboxPort());
		}
		List<String> busy = new ArrayList<>();
		wanted.forEach((what, port) -> {
			if (!isFree(port)) {
				busy.add(port + " (" + what + ")");
			}
		});
		if (!busy.isEmpty()) {
			throw new IllegalStateException("These ports are in use by another program: " + String.join(", ", busy)
					+ ". Stop it, or move the sandbox/database with --sandbox-port/--db-port.");
		}
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
			socket.setReuseAddress(true);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
