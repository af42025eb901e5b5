package ai.kubernaut.support.platformtest;

import ai.kubernaut.testsupport.postgres.TestDatabaseConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.config.name=platform-test")
@AutoConfigureTestRestTemplate
@Import(TestDatabaseConfiguration.class)
class PlatformBehaviourTest {

	static final String OPERATOR = "operator-token-0123456789";

	static final String VIEWER = "viewer-token-0123456789";

	static final String VALID = "{\"name\":\"w1\",\"replicas\":3}";

	@Autowired
	TestRestTemplate http;

	@Test
	void leavesProbesMetricsAndApiDocsOpen() {
		assertThat(this.http.getForEntity("/actuator/health/liveness", String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(this.http.getForEntity("/actuator/health/readiness", String.class).getBody()).contains("UP");
		assertThat(this.http.getForEntity("/actuator/prometheus", String.class).getBody())
			.contains("jvm_memory_used_bytes");
		assertThat(this.http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	void letsAServiceOverrideASharedDefault() {
		assertThat(this.http.getForEntity("/actuator/health", String.class).getBody()).contains("\"components\"");
	}

	@Test
	void checksTheDatabaseForReadiness() {
		assertThat(this.http.getForEntity("/actuator/health/readiness", String.class).getBody()).contains("\"db\"");
	}

	@Test
	void describesTheBearerSchemeSoSwaggerCanAuthorize() {
		String apiDocs = this.http.getForEntity("/v3/api-docs", String.class).getBody();
		assertThat(apiDocs).contains("\"bearerAuth\"").contains("\"scheme\":\"bearer\"").contains("/api/v1/widgets");
	}

	@Test
	void answersMissingTokenWith401Problem() {
		ResponseEntity<String> response = post(null, VALID, MediaType.APPLICATION_JSON);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertProblem(response, "unauthorized");
		assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
	}

	@Test
	void answersUnknownTokenWith401Problem() {
		ResponseEntity<String> response = post("not-a-configured-token", VALID, MediaType.APPLICATION_JSON);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertProblem(response, "unauthorized");
		assertThat(response.getBody()).contains("not recognised");
	}

	@Test
	void answersNonBearerAuthorizationWith401Problem() {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth("user", "password");
		headers.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<String> response = this.http.exchange("/api/v1/widgets", HttpMethod.POST,
				new HttpEntity<>(VALID, headers), String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertProblem(response, "unauthorized");
	}

	@Test
	void forbidsStateChangesToReadOnlyTokens() {
		ResponseEntity<String> response = post(VIEWER, VALID, MediaType.APPLICATION_JSON);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertProblem(response, "forbidden");
	}

	@Test
	void letsWriteTokensChangeStateAsTheTokenHolder() {
		ResponseEntity<String> response = post(OPERATOR, VALID, MediaType.APPLICATION_JSON);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(response.getHeaders().getFirst("X-Created-By")).isEqualTo("operator");
	}

	@Test
	void letsReadTokensRead() {
		ResponseEntity<String> response = get(VIEWER, "/api/v1/widgets/w9");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertProblem(response, "widget-not-found");
		assertThat(response.getBody()).contains("Widget not found: w9");
	}

	@Test
	void namesThePositionOfMalformedJson() {
		ResponseEntity<String> response = post(OPERATOR, "{\"name\": \"w1\",", MediaType.APPLICATION_JSON);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertProblem(response, "malformed-request");
		assertThat(response.getBody()).contains("not valid JSON").contains("line 1").doesNotContain("Source");
	}

	@Test
	void saysWhatAFieldMustBeWithoutNamingJavaTypes() {
		ResponseEntity<String> response = post(OPERATOR, "{\"name\":\"w1\",\"replicas\":3,\"tags\":\"one\"}",
				MediaType.APPLICATION_JSON);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody()).contains("Field 'tags' must be an array").doesNotContain("java.");
	}

	@Test
	void namesTheFieldOfAWronglyTypedValue() {
		ResponseEntity<String> response = post(OPERATOR, "{\"name\":\"w1\",\"replicas\":\"many\"}",
				MediaType.APPLICATION_JSON);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertProblem(response, "malformed-request");
		assertThat(response.getBody()).contains("\"field\":\"replicas\"")
			.contains("must be a number, got 'many'")
			.doesNotContain("java.");
	}

	@Test
	void listsEveryInvalidField() {
		ResponseEntity<String> response = post(OPERATOR, "{\"replicas\":42}", MediaType.APPLICATION_JSON);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertProblem(response, "validation-error");
		assertThat(response.getBody()).contains("\"field\":\"name\"").contains("\"field\":\"replicas\"");
	}

	@Test
	void rejectsAMissingBody() {
		ResponseEntity<String> response = post(OPERATOR, null, MediaType.APPLICATION_JSON);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertProblem(response, "malformed-request");
	}

	@Test
	void rejectsAnUnsupportedMediaTypeWith415() {
		ResponseEntity<String> response = post(OPERATOR, "name=w1", MediaType.TEXT_PLAIN);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		assertProblem(response, "unsupported-media-type");
	}

	@Test
	void refusesAnOversizedBodyBeforeReadingIt() {
		String huge = "{\"name\":\"" + "x".repeat(70 * 1024) + "\",\"replicas\":3}";
		ResponseEntity<String> response = post(OPERATOR, huge, MediaType.APPLICATION_JSON);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
		assertProblem(response, "payload-too-large");
		assertThat(response.getBody()).contains("\"limitBytes\":65536");
	}

	@Test
	void refusesAnOversizedBodyFromAnUnauthenticatedCallerWith401() {
		String huge = "{\"name\":\"" + "x".repeat(70 * 1024) + "\"}";
		assertThat(post(null, huge, MediaType.APPLICATION_JSON).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void answersUnknownPathsWith404Problem() {
		ResponseEntity<String> response = get(OPERATOR, "/api/v1/nothing-here");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertProblem(response, "not-found");
	}

	@Test
	void hidesInternalsOfUnexpectedFailures() {
		ResponseEntity<String> response = get(OPERATOR, "/api/v1/widgets/boom");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertProblem(response, "internal-error");
		assertThat(response.getBody()).contains("errorId")
			.doesNotContain("secret internal detail")
			.doesNotContain("IllegalStateException");
	}

	private ResponseEntity<String> post(String token, String body, MediaType type) {
		HttpHeaders headers = new HttpHeaders();
		if (token != null) {
			headers.setBearerAuth(token);
		}
		headers.setContentType(type);
		return this.http.exchange("/api/v1/widgets", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
	}

	private ResponseEntity<String> get(String token, String path) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth(token);
		return this.http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
	}

	private static void assertProblem(ResponseEntity<String> response, String typeSlug) {
		assertThat(response.getHeaders().getContentType()).isNotNull();
		assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		assertThat(response.getBody()).contains("\"type\":\"https://kubernaut.ai/problems/" + typeSlug + "\"");
	}

}
