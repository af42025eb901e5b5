package ai.kubernaut.approval;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import ai.kubernaut.approval.request.ExpirySweeperAccess;
import ai.kubernaut.testsupport.postgres.TestDatabaseConfiguration;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring test configuration of approval-service: the whole service on a random
 * port against the test PostgreSQL, with a {@link MutableClock}. Every integration test
 * uses exactly this, so the context starts once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + ApprovalApplication.CONFIG_NAME })
@ActiveProfiles("test")
@AutoConfigureRestTestClient
@Import({ TestDatabaseConfiguration.class, MutableClock.Configuration.class, ExpirySweeperAccess.class })
public @interface ServiceIntegrationTest {

}
