package ai.kubernaut.engine.execution;

import java.util.UUID;

/**
 * What an execution runs for, each part {@code null} when unknown: the catalog workflow,
 * and the remediation and action type when a remediation started it.
 */
public record ExecutionOrigin(String workflowId, UUID remediationId, String actionType) {

	public static final ExecutionOrigin NONE = new ExecutionOrigin(null, null, null);

}
