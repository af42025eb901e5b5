package ai.kubernaut.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * An embedded PostgreSQL whose data directory survives restarts, holding the
 * {@code kubernaut} database that every service's schema lives in.
 */
final class LocalDatabase implements AutoCloseable {

	static final String DATABASE = "kubernaut";

	private final EmbeddedPostgres postgres;

	private LocalDatabase(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	static LocalDatabase start(Path dataDir, int port, boolean reset) {
		Path pgData = dataDir.resolve("pgdata");
		try {
			if (reset) {
				deleteRecursively(pgData);
			}
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(pgData)
				.setCleanDataDirectory(false)
				.setRegisterShutdownHook(false)
				.setPort(port)
				.start();
			createDatabaseIfMissing(postgres);
			return new LocalDatabase(postgres);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + pgData, ex);
		}
	}

	private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement();
				ResultSet exists = statement
					.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
			if (!exists.next()) {
				statement.execute("create database " + DATABASE);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the " + DATABASE + " database", ex);
		}
	}

	String jdbcUrl() {
		return this.postgres.getJdbcUrl("postgres", DATABASE);
	}

	int port() {
		return this.postgres.getPort();
	}

	@Override
	public void close() {
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void deleteRecursively(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
