package ai.kubernaut.engine.execution;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import ai.kubernaut.dag.workflow.StepPhase;
import ai.kubernaut.dag.workflow.StepState;

/**
 * One step of an execution as stored.
 */
record StepRow(String stepId, int position, String action, StepPhase phase, int attempts, UUID attemptId,
		Map<String, Object> prepared, boolean approved, Instant startedAt, Instant finishedAt, Instant notBefore,
		Map<String, Object> output, String error) {

	StepState toState() {
		return new StepState(this.phase, this.attempts, this.startedAt, this.finishedAt, this.notBefore, this.approved,
				this.output, this.error);
	}

}
