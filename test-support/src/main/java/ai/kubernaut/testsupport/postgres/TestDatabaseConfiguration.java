package ai.kubernaut.testsupport.postgres;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Points a Spring Boot test at {@link TestPostgres}. Import it
 * ({@code @Import(TestDatabaseConfiguration.class)}) and keep the rest of the test
 * configuration identical across classes so Spring caches the context.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

	@Bean
	JdbcConnectionDetails testPostgresConnectionDetails() {
		TestPostgres.Database database = TestPostgres.get();
		return new JdbcConnectionDetails() {

			@Override
			public String getJdbcUrl() {
				return database.jdbcUrl();
			}

			@Override
			public String getUsername() {
				return database.username();
			}

			@Override
			public String getPassword() {
				return database.password();
			}

		};
	}

}
