package ai.kubernaut.approval;

import ai.kubernaut.testsupport.postgres.TestDatabaseConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.config.name=" + ApprovalApplication.CONFIG_NAME)
@AutoConfigureTestRestTemplate
@Import(TestDatabaseConfiguration.class)
class PlatformSmokeTest {

	@Autowired
	TestRestTemplate http;

	@Test
	void smoke() {
		System.out.println(this.http.getForEntity("/actuator/health/readiness", String.class));
		System.out.println(this.http.getForEntity("/v3/api-docs", String.class).getStatusCode());
		System.out.println(this.http.getForEntity("/swagger-ui.html", String.class).getStatusCode());
		System.out.println(this.http.getForEntity("/actuator/prometheus", String.class).getStatusCode());
		System.out.println(this.http.postForEntity("/api/v1/approvals", "{}", String.class));
		assertThat(true).isTrue();
	}

}
