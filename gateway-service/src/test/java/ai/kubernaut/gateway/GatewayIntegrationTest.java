package ai.kubernaut.gateway;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import ai.kubernaut.testsupport.postgres.TestDatabaseConfiguration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one Spring test configuration of this module: the whole gateway on a random port,
 * against the test PostgreSQL, the sandbox Kubernetes API and the stub engine of
 * {@link GatewaySandbox}. Every integration test class uses it unchanged so that Spring
 * starts the context once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + GatewayApplication.CONFIG_NAME, "spring.profiles.active=test" })
@Import(TestDatabaseConfiguration.class)
@ContextConfiguration(initializers = GatewaySandbox.class)
public @interface GatewayIntegrationTest {

}
