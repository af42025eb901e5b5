package ai.kubernaut.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Makes sure one local stack runs per data directory. The OS releases the lock if the JVM
 * dies, so a crashed stack never blocks the next start.
 */
final class StackLock implements AutoCloseable {

	private final FileChannel channel;

	private final FileLock lock;

	private final Path pidFile;

	private StackLock(FileChannel channel, FileLock lock, Path pidFile) {
		this.channel = channel;
		this.lock = lock;
		this.pidFile = pidFile;
	}

	/**
	 * Takes the lock, or returns empty when another stack holds it.
	 */
	static Optional<StackLock> tryAcquire(Path dataDir) {
		try {
			Files.createDirectories(dataDir);
			FileChannel channel = FileChannel.open(dataDir.resolve("stack.lock"), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE);
			FileLock lock = channel.tryLock();
			if (lock == null) {
				channel.close();
				return Optional.empty();
			}
			Path pidFile = dataDir.resolve("stack.pid");
			Files.writeString(pidFile, String.valueOf(ProcessHandle.current().pid()));
			return Optional.of(new StackLock(channel, lock, pidFile));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not lock " + dataDir, ex);
		}
	}

	static String holder(Path dataDir) {
		try {
			return Files.readString(dataDir.resolve("stack.pid")).trim();
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	@Override
	public void close() {
		try {
			Files.deleteIfExists(this.pidFile);
			this.lock.release();
			this.channel.close();
		}
		catch (IOException ex) {
			// The OS drops the lock with the process anyway.
		}
	}

}
