package ai.kubernaut.engine.kubernetes;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import ai.kubernaut.engine.WorkflowEngineApplication;
import ai.kubernaut.testsupport.postgres.TestDatabaseConfiguration;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring setup of the Kubernetes action tests: the whole engine with its real
 * actions, real PostgreSQL and a dry-run honouring mock API server. A context of its own
 * (the module's other tests replace the seed actions with recording ones), shared by
 * every class carrying this annotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.config.name=" + WorkflowEngineApplication.CONFIG_NAME)
@ActiveProfiles("test")
@AutoConfigureTestRestTemplate
@Import({ TestDatabaseConfiguration.class, KubernetesActionsTestConfiguration.class })
@interface KubernetesActionsIntegrationTest {

}
