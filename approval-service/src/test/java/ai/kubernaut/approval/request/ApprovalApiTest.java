package ai.kubernaut.approval.request;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ai.kubernaut.approval.MutableClock;
import ai.kubernaut.approval.ServiceIntegrationTest;
import ai.kubernaut.approval.TestTokens;
import ai.kubernaut.contracts.approval.ApprovalState;
import ai.kubernaut.contracts.approval.ApprovalView;
import ai.kubernaut.contracts.signal.ResourceRef;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceIntegrationTest
class ApprovalApiTest {

	private static final String PROBLEMS = "https://kubernaut.ai/problems/";

	@Autowired
	RestTestClient http;

	@Autowired
	MutableClock clock;

	@Autowired
	MeterRegistry meters;

	ApprovalRequests approvals;

	@BeforeEach
	void setUp() {
		this.approvals = new ApprovalRequests(this.http);
	}

	@Test
	void opensPendingRequestThatExpiresAfterTheDefaultFifteenMinutes() {
		ObjectNode request = ApprovalRequests.increaseMemoryLimits();

		var result = this.approvals.create(TestTokens.ENGINE, request)
			.expectStatus()
			.isCreated()
			.expectBody(ApprovalView.class)
			.returnResult();

		ApprovalView created = result.getResponseBody();
		assertThat(created.state()).isEqualTo(ApprovalState.PENDING);
		assertThat(created.remediationId()).hasToString(request.get("remediationId").asString());
		assertThat(created.steps()).containsExactly("increase-memory");
		assertThat(created.target()).isEqualTo(new ResourceRef("Deployment", "demo-telemetry", "data-service"));
		assertThat(created.actionType()).isEqualTo("IncreaseMemoryLimits");
		assertThat(created.workflowId()).isEqualTo("increase-memory-limits-v1");
		assertThat(created.parameters()).isEqualTo(Map.of("MEMORY_INCREASE_FACTOR", "2"));
		assertThat(created.createdAt()).isEqualTo(this.clock.instant().truncatedTo(ChronoUnit.MICROS));
		assertThat(Duration.between(created.createdAt(), created.expiresAt())).isEqualTo(Duration.ofMinutes(15));
		assertThat(created.decidedBy()).isNull();
		assertThat(created.decidedAt()).isNull();
		assertThat(result.getResponseHeaders().getLocation()).hasPath("/api/v1/approvals/" + created.approvalId());
	}

	@Test
	void answersARepeatedRequestWithTheOneAlreadyOpen() {
		ObjectNode request = ApprovalRequests.planBound();
		ApprovalView first = this.approvals.open(request);

		ApprovalView repeat = this.approvals.open(request);

		assertThat(repeat.approvalId()).isEqualTo(first.approvalId());
		assertThat(this.approvals.open(ApprovalRequests.planBound()).approvalId())
			.as("another remediation's request is its own")
			.isNotEqualTo(first.approvalId());
	}

	@Test
	void readsBackTheRequestAtItsLocation() {
		var result = this.approvals.create(TestTokens.ENGINE, ApprovalRequests.increaseMemoryLimits())
			.expectStatus()
			.isCreated()
			.expectBody(ApprovalView.class)
			.returnResult();

		ApprovalView read = this.http.get()
			.uri(result.getResponseHeaders().getLocation())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.ALICE)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(ApprovalView.class)
			.returnResult()
			.getResponseBody();

		assertThat(read).usingRecursiveComparison().ignoringFields("links").isEqualTo(result.getResponseBody());
		assertThat(read.links()).as("links are credentials, shown only to whoever opened the request").isNull();
	}

	@Test
	void keepsTheRequestOpenForTheRequestedTime() {
		ApprovalView created = this.approvals.open(ApprovalRequests.increaseMemoryLimits().put("expiresIn", "PT5M"));

		assertThat(Duration.between(created.createdAt(), created.expiresAt())).isEqualTo(Duration.ofMinutes(5));
	}

	@ParameterizedTest
	@ValueSource(strings = { "PT59S", "PT24H1S", "PT0S", "-PT5M" })
	void rejectsExpiryOutsideOneMinuteToOneDay(String expiresIn) {
		this.approvals.create(TestTokens.ENGINE, ApprovalRequests.increaseMemoryLimits().put("expiresIn", expiresIn))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(PROBLEMS + "validation-error")
			.jsonPath("$.errors[0].field")
			.isEqualTo("expiresIn");
	}

	@Test
	void acceptsTheBoundsThemselves() {
		this.approvals.create(TestTokens.ENGINE, ApprovalRequests.increaseMemoryLimits().put("expiresIn", "PT1M"))
			.expectStatus()
			.isCreated();
		this.approvals.create(TestTokens.ENGINE, ApprovalRequests.increaseMemoryLimits().put("expiresIn", "PT24H"))
			.expectStatus()
			.isCreated();
	}

	@Test
	void namesEveryMissingFieldOfAnIncompleteRequest() {
		ObjectNode incomplete = ApprovalRequests.increaseMemoryLimits();
		incomplete.remove(List.of("remediationId", "steps", "actionType", "workflowId"));
		incomplete.putObject("target").put("kind", "Deployment");

		this.approvals.create(TestTokens.ENGINE, incomplete)
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(PROBLEMS + "validation-error")
			.jsonPath("$.errors[*].field")
			.value(new ParameterizedTypeReference<List<String>>() {
			}, (fields) -> assertThat(fields).containsExactlyInAnyOrder("remediationId", "steps", "actionType",
					"workflowId", "target.name"));
	}

	@Test
	void answersNotFoundForAnUnknownApproval() {
		UUID unknown = UUID.randomUUID();

		this.approvals.get(TestTokens.ALICE, unknown)
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(PROBLEMS + "approval-not-found")
			.jsonPath("$.approvalId")
			.isEqualTo(unknown.toString());
		this.approvals.decide(TestTokens.ALICE, unknown, ApprovalRequests.decision("APPROVE", null))
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(PROBLEMS + "approval-not-found");
	}

	@Test
	void recordsTheAuthenticatedApproverAsDecidedByWhateverTheBodyClaims() {
		ApprovalView pending = this.approvals.open();
		String forged = "{\"decision\":\"APPROVE\",\"comment\":\"LGTM, limits were too tight\",\"decidedBy\":\"mallory\"}";

		ApprovalView approved = this.approvals.decide(TestTokens.ALICE, pending.approvalId(), forged)
			.expectStatus()
			.isOk()
			.expectBody(ApprovalView.class)
			.returnResult()
			.getResponseBody();

		assertThat(approved.state()).isEqualTo(ApprovalState.APPROVED);
		assertThat(approved.decidedBy()).isEqualTo("alice");
		assertThat(approved.comment()).isEqualTo("LGTM, limits were too tight");
		assertThat(approved.decidedAt()).isNotNull();
		assertThat(this.approvals.get(TestTokens.ENGINE, pending.approvalId())
			.expectBody(ApprovalView.class)
			.returnResult()
			.getResponseBody()).isEqualTo(approved);
	}

	@Test
	void recordsARejection() {
		ApprovalView pending = this.approvals.open();

		this.approvals.decide(TestTokens.BOB, pending.approvalId(), ApprovalRequests.decision("REJECT", "Not in prod"))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("REJECTED")
			.jsonPath("$.decidedBy")
			.isEqualTo("bob");
	}

	@Test
	void refusesToChangeADecisionAndNamesTheOneThatStands() {
		ApprovalView pending = this.approvals.open();
		this.approvals.decide(TestTokens.ALICE, pending.approvalId(), ApprovalRequests.decision("APPROVE", null))
			.expectStatus()
			.isOk();

		this.approvals.decide(TestTokens.BOB, pending.approvalId(), ApprovalRequests.decision("REJECT", "too late"))
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(PROBLEMS + "approval-already-decided")
			.jsonPath("$.state")
			.isEqualTo("APPROVED")
			.jsonPath("$.decidedBy")
			.isEqualTo("alice");
		this.approvals.get(TestTokens.ALICE, pending.approvalId())
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("APPROVED")
			.jsonPath("$.comment")
			.doesNotExist();
	}

	@Test
	void refusesADecisionAfterTheDeadlineAndMarksTheRequestExpired() {
		ApprovalView pending = this.approvals.open(ApprovalRequests.increaseMemoryLimits().put("expiresIn", "PT1M"));
		this.clock.advance(Duration.ofMinutes(1));

		this.approvals.decide(TestTokens.ALICE, pending.approvalId(), ApprovalRequests.decision("APPROVE", null))
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(PROBLEMS + "approval-expired");

		ApprovalView expired = this.approvals.get(TestTokens.ALICE, pending.approvalId())
			.expectBody(ApprovalView.class)
			.returnResult()
			.getResponseBody();
		assertThat(expired.state()).isEqualTo(ApprovalState.EXPIRED);
		assertThat(expired.decidedBy()).isEqualTo("system");
		assertThat(expired.decidedAt()).isEqualTo(pending.expiresAt());
	}

	@Test
	void showsAnOverdueRequestAsExpiredWithoutWaitingForTheSweep() {
		ApprovalView pending = this.approvals.open(ApprovalRequests.increaseMemoryLimits().put("expiresIn", "PT1M"));
		this.clock.advance(Duration.ofSeconds(61));

		this.approvals.get(TestTokens.ENGINE, pending.approvalId())
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("EXPIRED");
		this.approvals.decide(TestTokens.ALICE, pending.approvalId(), ApprovalRequests.decision("REJECT", null))
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(PROBLEMS + "approval-expired");
	}

	@Test
	void letsOnlyApproversDecide() {
		ApprovalView pending = this.approvals.open();

		this.approvals.decide(TestTokens.ENGINE, pending.approvalId(), ApprovalRequests.decision("APPROVE", null))
			.expectStatus()
			.isForbidden();
		this.approvals.get(TestTokens.ENGINE, pending.approvalId())
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("PENDING");
	}

	@Test
	void letsOnlyTheEngineSideOpenRequests() {
		this.approvals.create(TestTokens.ALICE, ApprovalRequests.increaseMemoryLimits()).expectStatus().isForbidden();
	}

	@Test
	void requiresABearerToken() {
		this.http.get()
			.uri("/api/v1/approvals/{id}", UUID.randomUUID())
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(PROBLEMS + "unauthorized");
		this.http.post()
			.uri("/api/v1/approvals/{id}/decision", UUID.randomUUID())
			.contentType(MediaType.APPLICATION_JSON)
			.body(ApprovalRequests.decision("APPROVE", null))
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void rejectsAnUnknownDecision() {
		ApprovalView pending = this.approvals.open();

		this.approvals.decide(TestTokens.ALICE, pending.approvalId(), ApprovalRequests.decision("MAYBE", null))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("decision");
	}

	@Test
	void countsEachFinalOutcome() {
		double approved = count("approved");
		double rejected = count("rejected");
		double expired = count("expired");
		ApprovalView first = this.approvals.open();
		ApprovalView second = this.approvals.open();
		ApprovalView third = this.approvals.open(ApprovalRequests.increaseMemoryLimits().put("expiresIn", "PT1M"));

		this.approvals.decide(TestTokens.ALICE, first.approvalId(), ApprovalRequests.decision("APPROVE", null));
		this.approvals.decide(TestTokens.BOB, first.approvalId(), ApprovalRequests.decision("REJECT", null));
		this.approvals.decide(TestTokens.BOB, second.approvalId(), ApprovalRequests.decision("REJECT", null));
		this.clock.advance(Duration.ofMinutes(2));
		this.approvals.get(TestTokens.ALICE, third.approvalId());
		this.approvals.get(TestTokens.ALICE, third.approvalId());

		assertThat(count("approved") - approved).isEqualTo(1);
		assertThat(count("rejected") - rejected).isEqualTo(1);
		assertThat(count("expired") - expired).isEqualTo(1);
		this.http.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("kubernaut_approvals_total{")
				.containsPattern("kubernaut_approvals_total\\{[^}]*outcome=\"approved\""));
	}

	@Test
	void measuresRequestsAndTimeToDecision() {
		double requested = this.meters.get("kubernaut.approvals.requested").counter().count();
		long timed = this.meters.get("kubernaut.approval.time.to.decision").tag("outcome", "approved").timer().count();
		ApprovalView pending = this.approvals.open();
		this.clock.advance(Duration.ofSeconds(90));

		this.approvals.decide(TestTokens.ALICE, pending.approvalId(), ApprovalRequests.decision("APPROVE", null))
			.expectStatus()
			.isOk();

		assertThat(this.meters.get("kubernaut.approvals.requested").counter().count() - requested).isEqualTo(1);
		assertThat(this.meters.get("kubernaut.approval.time.to.decision").tag("outcome", "approved").timer().count()
				- timed)
			.isEqualTo(1);
		this.http.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("kubernaut_approvals_requested_total")
				.containsPattern("kubernaut_approval_time_to_decision_seconds_bucket\\{[^}]*outcome=\"approved\""));
	}

	private double count(String outcome) {
		return this.meters.get("kubernaut.approvals").tag("outcome", outcome).counter().count();
	}

}
