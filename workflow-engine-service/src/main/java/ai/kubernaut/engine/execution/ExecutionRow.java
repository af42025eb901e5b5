package ai.kubernaut.engine.execution;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A workflow execution as stored.
 */
record ExecutionRow(UUID id, String name, ExecutionPhase phase, Map<String, Object> definition,
		Map<String, Object> parameters, Map<String, Object> target, boolean dryRun, String reason, Instant createdAt,
		Instant startedAt, Instant completedAt, Instant dueAt, String leaseOwner) {

}
