package ai.kubernaut.testsupport.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One real PostgreSQL per JVM for tests: a Testcontainers container when a Docker engine
 * answers, otherwise zonky's embedded PostgreSQL, which ships real binaries in a Maven
 * artifact. Started on first use and stopped when the JVM exits, so every cached Spring
 * context of a test run shares it.
 */
public final class TestPostgres {

	private static final Logger log = LoggerFactory.getLogger(TestPostgres.class);

	private static Database database;

	private TestPostgres() {
	}

	/**
	 * The database of this JVM, started if necessary.
	 */
	public static synchronized Database get() {
		if (database == null) {
			database = dockerAvailable() ? startContainer() : startEmbedded();
		}
		return database;
	}

	private static boolean dockerAvailable() {
		if (Boolean.getBoolean("kubernaut.test.embedded-postgres")) {
			return false;
		}
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	private static Database startContainer() {
		PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
		container.start();
		Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "test-postgres-stop"));
		log.info("Test PostgreSQL: Testcontainers at {}", container.getJdbcUrl());
		return new Database(container.getJdbcUrl(), container.getUsername(), container.getPassword());
	}

	private static Database startEmbedded() {
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					log.warn("Could not stop the embedded PostgreSQL", ex);
				}
			}, "test-postgres-stop"));
			String url = postgres.getJdbcUrl("postgres", "postgres");
			log.info("Test PostgreSQL: embedded at {}", url);
			return new Database(url, "postgres", "postgres");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL", ex);
		}
	}

	/**
	 * How to reach the test database.
	 */
	public record Database(String jdbcUrl, String username, String password) {
	}

}
