package ai.kubernaut.approval.request;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import ai.kubernaut.approval.TestTokens;
import ai.kubernaut.contracts.approval.ApprovalView;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Builds approval requests from the fixture and sends the calls the tests repeat.
 */
final class ApprovalRequests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RestTestClient http;

	ApprovalRequests(RestTestClient http) {
		this.http = http;
	}

	/**
	 * The fixture request, for a fresh remediation each time.
	 */
	static ObjectNode increaseMemoryLimits() {
		try (InputStream fixture = ApprovalRequests.class
			.getResourceAsStream("/approvals/increase-memory-limits.json")) {
			ObjectNode request = (ObjectNode) JSON.readTree(new String(fixture.readAllBytes(), StandardCharsets.UTF_8));
			return request.put("remediationId", UUID.randomUUID().toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String decision(String decision, String comment) {
		return JSON.createObjectNode().put("decision", decision).put("comment", comment).toString();
	}

	RestTestClient.ResponseSpec create(String token, ObjectNode request) {
		return this.http.post()
			.uri("/api/v1/approvals")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.body(request.toString())
			.exchange();
	}

	ApprovalView open(ObjectNode request) {
		return create(TestTokens.ENGINE, request).expectStatus()
			.isCreated()
			.expectBody(ApprovalView.class)
			.returnResult()
			.getResponseBody();
	}

	ApprovalView open() {
		return open(increaseMemoryLimits());
	}

	RestTestClient.ResponseSpec get(String token, UUID approvalId) {
		return this.http.get()
			.uri("/api/v1/approvals/{id}", approvalId)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange();
	}

	RestTestClient.ResponseSpec decide(String token, UUID approvalId, String body) {
		return this.http.post()
			.uri("/api/v1/approvals/{id}/decision", approvalId)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
	}

}
