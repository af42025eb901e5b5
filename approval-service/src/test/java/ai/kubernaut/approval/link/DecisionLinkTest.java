package ai.kubernaut.approval.link;

import java.net.URI;
import java.time.Duration;

import ai.kubernaut.approval.MutableClock;
import ai.kubernaut.approval.ServiceIntegrationTest;
import ai.kubernaut.approval.TestTokens;
import ai.kubernaut.approval.request.ApprovalRequests;
import ai.kubernaut.contracts.approval.ApprovalView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceIntegrationTest
class DecisionLinkTest {

	@Autowired
	RestTestClient http;

	@Autowired
	MutableClock clock;

	ApprovalRequests approvals;

	@BeforeEach
	void setUp() {
		this.approvals = new ApprovalRequests(this.http);
	}

	@Test
	void aGetShowsThePlanAndChangesNothing() {
		ApprovalView pending = this.approvals.open(ApprovalRequests.planBound());
		String approve = path(pending.links().approvers().get("alice").approve());

		for (int i = 0; i < 3; i++) {
			this.http.get()
				.uri(approve)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.TEXT_HTML)
				.expectHeader()
				.valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
				.expectHeader()
				.valueEquals("X-Frame-Options", "DENY")
				.expectHeader()
				.valueEquals("Referrer-Policy", "no-referrer")
				.expectBody(String.class)
				.value((page) -> assertThat(page).contains("alice", "data-service", "+          memory: 512Mi",
						"verify-rollout", pending.planHash(), ">Approve</button>", ">Reject</button>"));
		}

		assertState(pending, "PENDING");
	}

	@Test
	void thePostDecidesAsTheLinksApproverAndASecondPostIsGone() {
		ApprovalView pending = this.approvals.open(ApprovalRequests.planBound());
		String approve = path(pending.links().approvers().get("bob").approve());

		post(approve).expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("approved"));

		ApprovalView decided = view(pending);
		assertThat(decided.state()).hasToString("APPROVED");
		assertThat(decided.decidedBy()).isEqualTo("bob");
		assertThat(decided.decidedVia()).isEqualTo("link");
		post(approve).expectStatus()
			.isEqualTo(410)
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("already used"));
		post(path(pending.links().approvers().get("bob").reject())).expectStatus().isEqualTo(410);
		assertState(pending, "APPROVED");
	}

	@Test
	void theRejectButtonOnTheApprovePageRejects() {
		ApprovalView pending = this.approvals.open(ApprovalRequests.planBound());

		post(path(pending.links().approvers().get("alice").reject())).expectStatus().isOk();

		assertState(pending, "REJECTED");
	}

	@Test
	void aTokenWithAFlippedByteIsForbiddenAndDecidesNothing() {
		ApprovalView pending = this.approvals.open(ApprovalRequests.planBound());
		String approve = path(pending.links().approvers().get("alice").approve());
		int last = approve.length() - 1;
		String forged = approve.substring(0, last - 5) + ((approve.charAt(last - 5) == 'A') ? 'Q' : 'A')
				+ approve.substring(last - 4);

		this.http.get().uri(forged).exchange().expectStatus().isForbidden();
		post(forged).expectStatus()
			.isForbidden()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("not valid"));

		assertState(pending, "PENDING");
	}

	@Test
	void anExpiredTokenIsGoneAndDecidesNothing() {
		ApprovalView pending = this.approvals.open(ApprovalRequests.planBound().put("expiresIn", "PT1M"));
		String approve = path(pending.links().approvers().get("alice").approve());
		this.clock.advance(Duration.ofMinutes(2));

		this.http.get().uri(approve).exchange().expectStatus().isEqualTo(410);
		post(approve).expectStatus()
			.isEqualTo(410)
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("expired"));

		assertState(pending, "EXPIRED");
	}

	@Test
	void aTokenForASupersededPlanConflictsAndDecidesNothing() {
		ApprovalView pending = this.approvals.open(ApprovalRequests.planBound());
		String approve = path(pending.links().approvers().get("alice").approve());
		this.http.post()
			.uri("/api/v1/approvals/{id}/supersede", pending.approvalId())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.ENGINE)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"reason\":\"plan changed: target resourceVersion moved on\"}")
			.exchange()
			.expectStatus()
			.isOk();

		this.http.get().uri(approve).exchange().expectStatus().isEqualTo(409);
		post(approve).expectStatus()
			.isEqualTo(409)
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("Plan changed"));

		assertState(pending, "SUPERSEDED");
	}

	@Test
	void aSlackButtonValueIsNoLink() {
		ApprovalView pending = this.approvals.open(ApprovalRequests.planBound());

		post("/approvals/" + pending.links().slack().approve()).expectStatus().isForbidden();

		assertState(pending, "PENDING");
	}

	@Test
	void refusesACrossSitePost() {
		ApprovalView pending = this.approvals.open(ApprovalRequests.planBound());

		this.http.post()
			.uri(path(pending.links().approvers().get("alice").approve()))
			.header("Origin", "https://evil.example")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("comment=pwned")
			.exchange()
			.expectStatus()
			.isForbidden();

		assertState(pending, "PENDING");
	}

	@Test
	void escapesEverythingItShows() {
		ObjectNode request = ApprovalRequests.planBound().put("diff", "<script>alert(1)</script>");
		ApprovalView pending = this.approvals.open(request);

		this.http.get()
			.uri(path(pending.links().approvers().get("alice").approve()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((page) -> assertThat(page).doesNotContain("<script>").contains("&lt;script&gt;"));
	}

	@Test
	void anOutOfScopeApproversLinkIsForbidden() {
		ObjectNode request = ApprovalRequests.planBound();
		ApprovalView pending = this.approvals.open(request);

		// Links are minted only for approvers in scope; carol (payments only) has none.
		assertThat(pending.links().approvers()).doesNotContainKey("carol");
	}

	private RestTestClient.ResponseSpec post(String path) {
		return this.http.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("comment=looks+right")
			.exchange();
	}

	private void assertState(ApprovalView pending, String state) {
		this.approvals.get(TestTokens.ENGINE, pending.approvalId()).expectBody().jsonPath("$.state").isEqualTo(state);
	}

	private ApprovalView view(ApprovalView pending) {
		return this.approvals.get(TestTokens.ENGINE, pending.approvalId())
			.expectBody(ApprovalView.class)
			.returnResult()
			.getResponseBody();
	}

	private static String path(URI link) {
		return link.getRawPath();
	}

}
