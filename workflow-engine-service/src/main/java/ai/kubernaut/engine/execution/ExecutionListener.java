package ai.kubernaut.engine.execution;

import java.util.UUID;

/**
 * Told, after the commit, that an execution reached a new phase. Calls may repeat and may
 * be missed when a replica dies right after the commit, so a listener must be idempotent
 * and have its own way to catch up (the remediation sweep does).
 */
public interface ExecutionListener {

	void phaseChanged(UUID executionId, ExecutionPhase phase);

}
