package ai.kubernaut.engine.remediation;

import java.util.UUID;

import ai.kubernaut.contracts.remediation.CancelRemediationRequest;
import ai.kubernaut.contracts.remediation.CreateRemediationRequest;
import ai.kubernaut.contracts.remediation.RemediationApi;
import ai.kubernaut.contracts.remediation.RemediationView;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
class RemediationController implements RemediationApi {

	private final RemediationIntake intake;

	private final RemediationRepository repository;

	private final RemediationOrchestrator orchestrator;

	/**
	 * A proxy to the current request's response, for the Location header the shared
	 * interface cannot declare.
	 */
	private final HttpServletResponse response;

	RemediationController(RemediationIntake intake, RemediationRepository repository,
			RemediationOrchestrator orchestrator, HttpServletResponse response) {
		this.intake = intake;
		this.orchestrator = orchestrator;
		this.repository = repository;
		this.response = response;
	}

	@Override
	@ResponseStatus(HttpStatus.CREATED)
	public RemediationView create(CreateRemediationRequest request) {
		RemediationView remediation = this.intake.accept(request);
		this.response.setHeader(HttpHeaders.LOCATION,
				ServletUriComponentsBuilder.fromCurrentRequestUri()
					.path("/{remediationId}")
					.buildAndExpand(remediation.remediationId())
					.toUriString());
		return remediation;
	}

	@Override
	public RemediationView get(UUID remediationId) {
		return this.repository.find(remediationId)
			.map(this.orchestrator::view)
			.orElseThrow(() -> new RemediationNotFoundException(remediationId));
	}

	@Override
	public RemediationView cancel(UUID remediationId, CancelRemediationRequest request) {
		return this.orchestrator.cancel(remediationId, request.reason());
	}

	@ExceptionHandler(EngineBusyException.class)
	ResponseEntity<ProblemDetail> engineBusy(EngineBusyException ex) {
		return ResponseEntity.status(ex.status())
			.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfter().toSeconds()))
			.body(ex.toProblemDetail());
	}

}
