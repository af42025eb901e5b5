package ai.kubernaut.engine.remediation;

import javax.sql.DataSource;

import ai.kubernaut.testsupport.postgres.TestPostgres;
import org.flywaydb.core.Flyway;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine schema on the test PostgreSQL, migrated by the real Flyway scripts, for
 * tests that need the database but not Spring.
 */
final class EngineDatabase {

	private static RemediationRepository repository;

	private static TransactionTemplate transactions;

	private EngineDatabase() {
	}

	static synchronized RemediationRepository repository() {
		if (repository == null) {
			TestPostgres.Database database = TestPostgres.get();
			DriverManagerDataSource dataSource = new DriverManagerDataSource(database.jdbcUrl(), database.username(),
					database.password());
			dataSource.setSchema("engine");
			migrate(dataSource);
			repository = new RemediationRepository(JdbcClient.create(dataSource), JsonMapper.builder().build());
			transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		}
		return repository;
	}

	static synchronized TransactionTemplate transactions() {
		repository();
		return transactions;
	}

	private static void migrate(DataSource dataSource) {
		Flyway.configure()
			.dataSource(dataSource)
			.schemas("engine")
			.defaultSchema("engine")
			.locations("classpath:db/migration/engine")
			.load()
			.migrate();
	}

}
