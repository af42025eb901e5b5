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
public final class ApprovalRequests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RestTestClient http;

	public ApprovalRequests(RestTestClient http) {
		this.http = http;
	}

	/**
	 * The fixture request, for a fresh remediation each time.
	 */
	public static ObjectNode increaseMemoryLimits() {
		try (InputStream fixture = ApprovalRequests.class
			.getResourceAsStream("/approvals/increase-memory-limits.json")) {
			ObjectNode request = (ObjectNode) JSON.readTree(new String(fixture.readAllBytes(), StandardCharsets.UTF_8));
			return request.put("remediationId", UUID.randomUUID().toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The fixture request with its plan: execution, resourceVersion, workflow version,
	 * graph, dry-run diff and risk.
	 */
	public static ObjectNode planBound() {
		ObjectNode request = increaseMemoryLimits();
		try (InputStream plan = ApprovalRequests.class.getResourceAsStream("/approvals/plan.json")) {
			request.setAll((ObjectNode) JSON.readTree(new String(plan.readAllBytes(), StandardCharsets.UTF_8)));
			return request;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static String decision(String decision, String comment) {
		return JSON.createObjectNode().put("decision", decision).put("comment", comment).toString();
	}

	public RestTestClient.ResponseSpec create(String token, ObjectNode request) {
		return this.http.post()
			.uri("/api/v1/approvals")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.body(request.toString())
			.exchange();
	}

	public ApprovalView open(ObjectNode request) {
		return create(TestTokens.ENGINE, request).expectStatus()
			.isCreated()
			.expectBody(ApprovalView.class)
			.returnResult()
			.getResponseBody();
	}

	public ApprovalView open() {
		return open(increaseMemoryLimits());
	}

	public RestTestClient.ResponseSpec get(String token, UUID approvalId) {
		return this.http.get()
			.uri("/api/v1/approvals/{id}", approvalId)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange();
	}

	public RestTestClient.ResponseSpec decide(String token, UUID approvalId, String body) {
		return this.http.post()
			.uri("/api/v1/approvals/{id}/decision", approvalId)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
	}

}
