package ai.kubernaut.engine.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.awaitility.Awaitility.await;

/**
 * A workflow engine running in a child JVM on the test's classpath, started with the
 * given arguments; {@link #kill()} is {@code kill -9}.
 */
final class EngineProcess {

	private final Process process;

	private final Path log;

	private final int port;

	private EngineProcess(Process process, Path log, int port) {
		this.process = process;
		this.log = log;
		this.port = port;
	}

	static EngineProcess start(String name, List<String> arguments) {
		try {
			Path log = Files.createTempFile("engine-" + name + "-", ".log");
			List<String> command = new ArrayList<>();
			command.add(ProcessHandle.current().info().command().orElse("java"));
			command.add("-Xmx384m");
			command.add("-XX:TieredStopAtLevel=1");
			command.add("-cp");
			command.add(System.getProperty("java.class.path"));
			command.add(EngineChild.class.getName());
			command.addAll(arguments);
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			int port = await().atMost(Duration.ofSeconds(120))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> portIn(log, process), Optional::isPresent)
				.orElseThrow();
			return new EngineProcess(process, log, port);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Optional<Integer> portIn(Path log, Process process) throws IOException {
		if (!process.isAlive()) {
			throw new IllegalStateException(
					"The engine child exited with " + process.exitValue() + ":\n" + Files.readString(log));
		}
		return Files.readAllLines(log)
			.stream()
			.filter((line) -> line.startsWith(EngineChild.PORT_LINE))
			.map((line) -> Integer.parseInt(line.substring(EngineChild.PORT_LINE.length()).trim()))
			.findFirst();
	}

	String url() {
		return "http://127.0.0.1:" + this.port;
	}

	/**
	 * SIGKILL: no shutdown hook, no lease released, nothing recorded.
	 */
	void kill() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	String log() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

}
