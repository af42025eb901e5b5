package ai.kubernaut.gateway.intake;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import ai.kubernaut.contracts.signal.ResourceRef;
import ai.kubernaut.gateway.classify.Classification;
import ai.kubernaut.gateway.intake.SignalOutcome.Failed.Cause;
import ai.kubernaut.gateway.signal.Fingerprint;
import ai.kubernaut.support.problem.ApiProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SignalResponseTest {

	private static final ResourceRef CHECKOUT = new ResourceRef("Deployment", "demo-shop", "checkout");

	private static final Fingerprint FINGERPRINT = Fingerprint.of(null, CHECKOUT);

	@Test
	void answersCreatedWithTheRemediationAndItsClassification() {
		UUID id = UUID.randomUUID();

		ResponseEntity<SignalResponse> response = SignalResponse
			.toHttp(new SignalOutcome.Created(FINGERPRINT, CHECKOUT, new Classification("production", "P0"), id));

		assertThat(response.getStatusCode().value()).isEqualTo(201);
		assertThat(response.getBody()).isEqualTo(new SignalResponse("created", false, FINGERPRINT.value(), id, CHECKOUT,
				"production", "P0", null, null, null, null, null, null));
	}

	@Test
	void answersADuplicateWith202AndItsOccurrences() {
		UUID id = UUID.randomUUID();
		Instant first = Instant.parse("2026-03-14T02:40:00Z");
		Instant last = Instant.parse("2026-03-14T02:45:00Z");

		ResponseEntity<SignalResponse> response = SignalResponse
			.toHttp(new SignalOutcome.Duplicate(FINGERPRINT, CHECKOUT, id, 3, first, last));

		assertThat(response.getStatusCode().value()).isEqualTo(202);
		assertThat(response.getBody().status()).isEqualTo("duplicate");
		assertThat(response.getBody().duplicate()).isTrue();
		assertThat(response.getBody().remediationId()).isEqualTo(id);
		assertThat(response.getBody().metadata()).isEqualTo(new SignalResponse.Metadata(3, first, last));
	}

	@Test
	void answersAnUnmanagedTargetWith200SoAlertmanagerDoesNotResend() {
		ResponseEntity<SignalResponse> response = SignalResponse
			.toHttp(new SignalOutcome.Unmanaged(FINGERPRINT, CHECKOUT));

		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getBody().status()).isEqualTo("rejected");
		assertThat(response.getBody().rejection().reason()).isEqualTo("unmanaged_resource");
	}

	@Test
	void answersAResolvedAlertWith200() {
		ResponseEntity<SignalResponse> response = SignalResponse.toHttp(SignalOutcome.Ignored.resolved());

		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getBody().status()).isEqualTo("ignored");
		assertThat(response.getBody().reason()).isEqualTo("resolved");
	}

	@Test
	void answersAMissingTargetWithAProblemListingTheLookups() {
		ProblemDetail problem = problemFor(
				new SignalOutcome.NoTarget(List.of("Deployment demo-shop/gone"), "None of the objects exists."));

		assertThat(problem.getStatus()).isEqualTo(400);
		assertThat(problem.getType()).hasToString("https://kubernaut.ai/problems/target-not-found");
		assertThat(problem.getProperties()).containsEntry("lookedUp", List.of("Deployment demo-shop/gone"));
	}

	@ParameterizedTest(name = "{0} is {1} {2} naming {3}")
	@CsvSource(textBlock = """
			ENGINE_UNAVAILABLE,     503, upstream-unavailable, workflow-engine
			ENGINE_REJECTED,        502, upstream-error,       workflow-engine
			CLUSTER_UNAVAILABLE,    503, upstream-unavailable, kubernetes-api
			SIGNAL_LOG_UNAVAILABLE, 503, upstream-unavailable, database
			""")
	void answersAFailureWithAProblemNamingTheDependency(Cause cause, int status, String type, String service) {
		ProblemDetail problem = problemFor(new SignalOutcome.Failed(cause, "it failed", FINGERPRINT, CHECKOUT, null));

		assertThat(problem.getStatus()).isEqualTo(status);
		assertThat(problem.getType()).hasToString("https://kubernaut.ai/problems/" + type);
		assertThat(problem.getProperties()).containsEntry("service", service)
			.containsEntry("fingerprint", FINGERPRINT.value());
	}

	private static ProblemDetail problemFor(SignalOutcome outcome) {
		return assertThatExceptionOfType(ApiProblemException.class).isThrownBy(() -> SignalResponse.toHttp(outcome))
			.actual()
			.toProblemDetail();
	}

}
