package ai.kubernaut.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Command-line options of {@code bin/local-stack}.
 *
 * @param kubeconfig a real cluster to use instead of the sandbox
 */
record StackOptions(Path dataDir, boolean reset, Optional<Path> kubeconfig, int sandboxPort, int databasePort,
		boolean help) {

	static final String USAGE = """
			Usage: bin/local-stack [--reset] [--kubeconfig FILE] [--sandbox-port N] [--db-port N] [--data-dir DIR]

			Starts the five Kubernaut services, an embedded PostgreSQL (data kept in DIR, default .local-stack)
			and, unless a kubeconfig is given (--kubeconfig or the KUBECONFIG variable), a sandbox Kubernetes API.

			  --reset            wipe the local database before starting
			  --kubeconfig FILE  use this cluster instead of the sandbox
			  --sandbox-port N   port of the sandbox Kubernetes API (default 8090)
			  --db-port N        port of the embedded PostgreSQL (default 54329)
			  --data-dir DIR     where the database and the sandbox kubeconfig live (default .local-stack)
			""";

	static StackOptions parse(List<String> args, Map<String, String> environment) {
		Path dataDir = Path.of(".local-stack");
		boolean reset = false;
		boolean help = false;
		Optional<Path> kubeconfig = Optional.ofNullable(environment.get("KUBECONFIG"))
			.filter((value) -> !value.isBlank())
			.map(Path::of);
		int sandboxPort = 8090;
		int databasePort = 54329;
		Deque<String> queue = new ArrayDeque<>(args);
		while (!queue.isEmpty()) {
			String arg = queue.pop();
			switch (arg) {
				case "--reset" -> reset = true;
				case "--help", "-h" -> help = true;
				case "--kubeconfig" -> kubeconfig = Optional.of(Path.of(value(arg, queue)));
				case "--sandbox-port" -> sandboxPort = port(arg, value(arg, queue));
				case "--db-port" -> databasePort = port(arg, value(arg, queue));
				case "--data-dir" -> dataDir = Path.of(value(arg, queue));
				default -> throw new IllegalArgumentException("Unknown option " + arg + "\n\n" + USAGE);
			}
		}
		if (kubeconfig.isPresent() && !Files.isReadable(kubeconfig.get())) {
			throw new IllegalArgumentException(
					"The kubeconfig " + kubeconfig.get() + " does not exist or is unreadable");
		}
		return new StackOptions(dataDir.toAbsolutePath().normalize(), reset, kubeconfig.map(Path::toAbsolutePath),
				sandboxPort, databasePort, help);
	}

	private static String value(String option, Deque<String> queue) {
		if (queue.isEmpty()) {
			throw new IllegalArgumentException(option + " needs a value\n\n" + USAGE);
		}
		return queue.pop();
	}

	private static int port(String option, String value) {
		try {
			int port = Integer.parseInt(value);
			if (port < 1 || port > 65535) {
				throw new NumberFormatException();
			}
			return port;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(option + " must be a port number (1-65535), got '" + value + "'");
		}
	}

}
