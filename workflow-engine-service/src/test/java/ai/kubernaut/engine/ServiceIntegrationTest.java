package ai.kubernaut.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import ai.kubernaut.testsupport.postgres.TestDatabaseConfiguration;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring test setup of this module, so every integration test shares one cached
 * context: the whole service on a random port, real PostgreSQL, the sandbox cluster and
 * the peer stub.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.config.name=" + WorkflowEngineApplication.CONFIG_NAME)
@ActiveProfiles("test")
@AutoConfigureTestRestTemplate
@Import({ TestDatabaseConfiguration.class, EngineTestConfiguration.class })
public @interface ServiceIntegrationTest {

}
