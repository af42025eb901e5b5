package ai.kubernaut.datastorage;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import ai.kubernaut.testsupport.postgres.TestDatabaseConfiguration;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring test configuration of this module: the whole service on a random port
 * against the test PostgreSQL, with the tokens of {@code data-storage-service-test.yml}.
 * Every integration test uses exactly this, so Spring starts one context for all of them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.config.name=" + DataStorageApplication.CONFIG_NAME)
@ActiveProfiles("test")
@AutoConfigureRestTestClient
@Import(TestDatabaseConfiguration.class)
public @interface DataStorageServiceTest {

}
