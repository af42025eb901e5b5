package ai.kubernaut.approval.request;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import ai.kubernaut.approval.AuditRows;
import ai.kubernaut.approval.MutableClock;
import ai.kubernaut.approval.ServiceIntegrationTest;
import ai.kubernaut.approval.TestTokens;
import ai.kubernaut.contracts.approval.ApprovalList;
import ai.kubernaut.contracts.approval.ApprovalState;
import ai.kubernaut.contracts.approval.ApprovalView;
import ai.kubernaut.contracts.approval.CreateApprovalRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceIntegrationTest
class PlanBoundRequestTest {

	private static final String PROBLEMS = "https://kubernaut.ai/problems/";

	@Autowired
	RestTestClient http;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	ApprovalRequests approvals;

	AuditRows audit;

	@BeforeEach
	void setUp() {
		this.approvals = new ApprovalRequests(this.http);
		this.audit = new AuditRows(this.jdbc);
	}

	@Test
	void storesThePlanAndItsHash() {
		ObjectNode request = ApprovalRequests.planBound();

		ApprovalView created = this.approvals.open(request);

		assertThat(created.executionId()).hasToString("0b6e0c1e-5d8f-4f7e-9a55-1d0c2d9f8e21");
		assertThat(created.targetResourceVersion()).isEqualTo("48213");
		assertThat(created.workflowVersion()).isEqualTo("1.2.0");
		assertThat(created.graph()).contains("verify-rollout");
		assertThat(created.diff()).contains("+          memory: 512Mi");
		assertThat(created.risk()).isEqualTo("medium");
		assertThat(created.requiredApprovals()).isEqualTo(1);
		assertThat(created.planHash())
			.isEqualTo(PlanHash.of(this.json.treeToValue(request, CreateApprovalRequest.class), this.json));
		assertThat(this.approvals.get(TestTokens.ENGINE, created.approvalId())
			.expectBody(ApprovalView.class)
			.returnResult()
			.getResponseBody()
			.planHash()).isEqualTo(created.planHash());
		assertThat(this.audit.typesFor(created.approvalId())).containsExactly("orchestrator.approval.requested");
	}

	@Test
	void answersWithLinksForEachApproverInScopeAndSlackButtonValues() {
		ApprovalView created = this.approvals.open(ApprovalRequests.planBound());

		assertThat(created.links().approvers()).containsOnlyKeys("alice", "bob");
		assertThat(created.links().approvers().get("alice").approve()).hasScheme("https")
			.hasHost("approvals.example.test");
		assertThat(created.links().slack().approve()).isNotBlank().isNotEqualTo(created.links().slack().reject());
	}

	@Test
	void refusesACallbackUrlThatIsNotAbsoluteHttp() {
		this.approvals.create(TestTokens.ENGINE, ApprovalRequests.planBound().put("callbackUrl", "file:///etc/passwd"))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("callbackUrl");
	}

	@Test
	void refusesMoreThanTwoRequiredApprovals() {
		this.approvals.create(TestTokens.ENGINE, ApprovalRequests.planBound().put("requiredApprovals", 3))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("requiredApprovals");
	}

	@Test
	void listsByStateNamespaceAndAge() {
		String namespace = "demo-list-" + UUID.randomUUID().toString().substring(0, 8);
		ObjectNode request = ApprovalRequests.planBound();
		request.withObject("target").put("namespace", namespace);
		ApprovalView old = this.approvals.open(request.deepCopy().put("remediationId", UUID.randomUUID().toString()));
		this.clock.advance(Duration.ofSeconds(1));
		ApprovalView decided = this.approvals
			.open(request.deepCopy().put("remediationId", UUID.randomUUID().toString()));
		this.approvals.decide(TestTokens.ALICE, decided.approvalId(), ApprovalRequests.decision("REJECT", null))
			.expectStatus()
			.isOk();
		this.clock.advance(Duration.ofMinutes(5));
		ApprovalView fresh = this.approvals.open(request.deepCopy().put("remediationId", UUID.randomUUID().toString()));

		assertThat(ids(list("?namespace=" + namespace))).containsExactly(old.approvalId(), decided.approvalId(),
				fresh.approvalId());
		assertThat(ids(list("?namespace=" + namespace + "&state=PENDING"))).containsExactly(old.approvalId(),
				fresh.approvalId());
		assertThat(ids(list("?namespace=" + namespace + "&state=PENDING&olderThan=PT4M")))
			.containsExactly(old.approvalId());
		assertThat(ids(list("?namespace=" + namespace + "&limit=1"))).containsExactly(old.approvalId());
	}

	@Test
	void refusesABadListLimitOrState() {
		this.http.get()
			.uri("/api/v1/approvals?limit=0")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.ENGINE)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("limit");
		this.http.get()
			.uri("/api/v1/approvals?state=MAYBE")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.ENGINE)
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void theEngineSupersedesAPendingRequest() {
		ApprovalView pending = this.approvals.open(ApprovalRequests.planBound());

		ApprovalView superseded = supersede(TestTokens.ENGINE, pending.approvalId(), "alert resolved").expectStatus()
			.isOk()
			.expectBody(ApprovalView.class)
			.returnResult()
			.getResponseBody();

		assertThat(superseded.state()).isEqualTo(ApprovalState.SUPERSEDED);
		assertThat(superseded.decidedBy()).isEqualTo("system");
		assertThat(superseded.comment()).isEqualTo("alert resolved");
		this.approvals.decide(TestTokens.ALICE, pending.approvalId(), ApprovalRequests.decision("APPROVE", null))
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(PROBLEMS + "approval-superseded");
		assertThat(this.audit.typesFor(pending.approvalId())).containsExactly("orchestrator.approval.requested",
				"orchestrator.approval.superseded");
	}

	@Test
	void onlyTheEngineSupersedesAndOnlyWhilePending() {
		ApprovalView pending = this.approvals.open(ApprovalRequests.planBound());

		supersede(TestTokens.ALICE, pending.approvalId(), "I would rather not").expectStatus().isForbidden();
		this.approvals.decide(TestTokens.ALICE, pending.approvalId(), ApprovalRequests.decision("APPROVE", null))
			.expectStatus()
			.isOk();
		supersede(TestTokens.ENGINE, pending.approvalId(), "plan changed").expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(PROBLEMS + "approval-already-decided");
		supersede(TestTokens.ENGINE, UUID.randomUUID(), "plan changed").expectStatus().isNotFound();
		supersede(TestTokens.ENGINE, pending.approvalId(), " ").expectStatus().isBadRequest();
	}

	@Test
	void refusesAnApproverOutsideTheirNamespacesAndAuditsTheAttempt() {
		ApprovalView pending = this.approvals.open(ApprovalRequests.planBound());

		this.approvals.decide(TestTokens.CAROL, pending.approvalId(), ApprovalRequests.decision("APPROVE", null))
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(PROBLEMS + "approver-out-of-scope");

		this.approvals.get(TestTokens.ENGINE, pending.approvalId())
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("PENDING");
		assertThat(this.audit.typesFor(pending.approvalId())).containsExactly("orchestrator.approval.requested",
				"approval.decision.denied");
		assertThat(this.audit.actorOf(pending.approvalId(), "approval.decision.denied")).isEqualTo("carol");
	}

	@Test
	void refusesAnApproverOutsideTheRequestedGroup() {
		ApprovalView pending = this.approvals.open(ApprovalRequests.planBound().put("approverGroup", "dba"));

		assertThat(this.approvals.open(ApprovalRequests.planBound().put("approverGroup", "dba")).links().approvers())
			.containsOnlyKeys("bob");
		this.approvals.decide(TestTokens.ALICE, pending.approvalId(), ApprovalRequests.decision("APPROVE", null))
			.expectStatus()
			.isForbidden();
		this.approvals.decide(TestTokens.BOB, pending.approvalId(), ApprovalRequests.decision("APPROVE", null))
			.expectStatus()
			.isOk();
	}

	@Test
	void auditsTheDecisionWithTheApproverAsActor() {
		ApprovalView pending = this.approvals.open(ApprovalRequests.planBound());

		this.approvals.decide(TestTokens.BOB, pending.approvalId(), ApprovalRequests.decision("APPROVE", "ok"))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.decidedVia")
			.isEqualTo("api");

		assertThat(this.audit.typesFor(pending.approvalId())).containsExactly("orchestrator.approval.requested",
				"orchestrator.approval.approved");
		assertThat(this.audit.actorOf(pending.approvalId(), "orchestrator.approval.approved")).isEqualTo("bob");
	}

	private RestTestClient.ResponseSpec supersede(String token, UUID approvalId, String reason) {
		return this.http.post()
			.uri("/api/v1/approvals/{id}/supersede", approvalId)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.body(this.json.createObjectNode().put("reason", reason).toString())
			.exchange();
	}

	private ApprovalList list(String query) {
		return this.http.get()
			.uri("/api/v1/approvals" + query)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.ENGINE)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(ApprovalList.class)
			.returnResult()
			.getResponseBody();
	}

	private static List<UUID> ids(ApprovalList list) {
		return list.approvals().stream().map(ApprovalView::approvalId).toList();
	}

}
