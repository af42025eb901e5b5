package ai.kubernaut.engine.execution;

import java.time.Instant;

/**
 * One committed transition of an execution or of one of its steps.
 *
 * @param id increasing, for resuming a stream
 * @param stepId the step, or {@code null} for the execution itself
 * @param phase the phase reached
 * @param message why, when there is more to say
 * @param at when it was committed
 */
public record ExecutionEvent(long id, String stepId, String phase, String message, Instant at) {

}
