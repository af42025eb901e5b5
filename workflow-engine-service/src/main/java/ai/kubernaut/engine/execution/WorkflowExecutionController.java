package ai.kubernaut.engine.execution;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import ai.kubernaut.contracts.approval.ApprovalCallback;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Workflow executions over HTTP: submit, inspect, steer, and follow step transitions as
 * server-sent events.
 */
@RestController
@RequestMapping("/api/v1/workflow-executions")
class WorkflowExecutionController {

	private static final Duration STREAM_LIMIT = Duration.ofMinutes(30);

	private static final Duration STREAM_POLL = Duration.ofMillis(250);

	private final WorkflowExecutions executions;

	WorkflowExecutionController(WorkflowExecutions executions) {
		this.executions = executions;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<WorkflowExecutionView> submit(@Valid @RequestBody CreateWorkflowExecutionRequest request) {
		WorkflowExecutionView view = this.executions.submit(request);
		return ResponseEntity.status(HttpStatus.CREATED)
			.header("Location", "/api/v1/workflow-executions/" + view.id())
			.body(view);
	}

	@GetMapping("/{id}")
	WorkflowExecutionView get(@PathVariable UUID id) {
		return this.executions.view(id);
	}

	@GetMapping(path = "/{id}/graph", produces = MediaType.TEXT_PLAIN_VALUE)
	String graph(@PathVariable UUID id) {
		return this.executions.graph(id);
	}

	@PostMapping("/{id}/pause")
	WorkflowExecutionView pause(@PathVariable UUID id) {
		return this.executions.pause(id);
	}

	@PostMapping("/{id}/resume")
	WorkflowExecutionView resume(@PathVariable UUID id) {
		return this.executions.resume(id);
	}

	@PostMapping("/{id}/cancel")
	WorkflowExecutionView cancel(@PathVariable UUID id) {
		return this.executions.cancel(id);
	}

	@PostMapping("/{id}/retry")
	WorkflowExecutionView retry(@PathVariable UUID id) {
		return this.executions.retry(id);
	}

	/**
	 * The approval-service callback. Idempotent: a decision delivered twice changes
	 * nothing the second time.
	 */
	@PostMapping(path = "/{id}/approval", consumes = MediaType.APPLICATION_JSON_VALUE)
	WorkflowExecutionView approval(@PathVariable UUID id, @RequestBody ApprovalCallback callback) {
		return this.executions.decide(id, callback);
	}

	/**
	 * Every committed transition as an SSE event named after the phase reached; resumes
	 * after {@code Last-Event-ID}. The stream ends when the run has ended.
	 */
	@GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events(@PathVariable UUID id,
			@RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId) {
		this.executions.view(id);
		SseEmitter emitter = new SseEmitter(STREAM_LIMIT.toMillis());
		long start = (lastEventId != null) ? lastEventId : 0;
		Thread.ofVirtual().name("execution-events-" + id).start(() -> stream(id, start, emitter));
		return emitter;
	}

	private void stream(UUID id, long after, SseEmitter emitter) {
		long last = after;
		long deadline = System.nanoTime() + STREAM_LIMIT.toNanos();
		try {
			while (System.nanoTime() < deadline) {
				List<ExecutionEvent> events = this.executions.events(id, last);
				for (ExecutionEvent event : events) {
					emitter.send(SseEmitter.event()
						.id(String.valueOf(event.id()))
						.name((event.stepId() != null) ? "step" : "execution")
						.data(event, MediaType.APPLICATION_JSON));
					last = event.id();
				}
				if (events.isEmpty() && this.executions.view(id).phase().isTerminal()) {
					break;
				}
				LockSupport.parkNanos(STREAM_POLL.toNanos());
			}
			emitter.complete();
		}
		catch (IOException | RuntimeException ex) {
			emitter.completeWithError(ex);
		}
	}

}
