package ai.kubernaut.notification;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import ai.kubernaut.notification.peers.TestPeers;
import ai.kubernaut.testsupport.postgres.TestDatabaseConfiguration;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one Spring test configuration of notification-service: the whole service on a
 * random port against the test PostgreSQL and the stand-in peers of {@link TestPeers}
 * (HTTP endpoints and an SMTP server), with the receivers of
 * {@code notification-service-test.yml} and the test-only channels
 * {@link ScriptedChannel} and {@link CountingChannel}. Every integration test uses
 * exactly this, so the context starts once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.config.name=" + NotificationApplication.CONFIG_NAME)
@ActiveProfiles("test")
@AutoConfigureRestTestClient
@ContextConfiguration(initializers = TestPeers.class)
@Import({ TestDatabaseConfiguration.class, ScriptedChannel.Configuration.class, CountingChannel.Configuration.class })
public @interface ServiceIntegrationTest {

}
