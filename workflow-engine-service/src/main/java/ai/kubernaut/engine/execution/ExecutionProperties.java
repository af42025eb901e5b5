package ai.kubernaut.engine.execution;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How this replica claims and drives workflow executions.
 *
 * @param workerEnabled whether this replica drives executions at all (an API-only replica
 * sets false)
 * @param pollInterval how often to look for due work
 * @param lease how long a claim lasts without a heartbeat; a dead replica's executions
 * are taken over after this
 * @param claimBatch executions claimed per poll
 * @param maxConcurrentSteps step side effects running at once on this replica; beyond it
 * claims pause
 * @param maxConcurrentTransactions execution transactions open at once on this replica;
 * keep it below the connection pool size so API requests always find a connection
 * @param callbackBaseUrl this engine's base URL as approval-service reaches it; decisions
 * are posted to {@code <base>/api/v1/workflow-executions/<id>/approval}
 * @param approvalRetryInterval how long a waiting step goes without a recorded approval
 * request (approval-service unreachable) before the request is sent again
 */
@ConfigurationProperties("kubernaut.engine.executions")
@Validated
public record ExecutionProperties(@DefaultValue("true") boolean workerEnabled,
		@NotNull @DefaultValue("200ms") Duration pollInterval, @NotNull @DefaultValue("15s") Duration lease,
		@Min(1) @Max(500) @DefaultValue("50") int claimBatch,
		@Min(1) @Max(10_000) @DefaultValue("500") int maxConcurrentSteps,
		@Min(1) @Max(1_000) @DefaultValue("8") int maxConcurrentTransactions,
		@NotNull @DefaultValue("http://localhost:8082") URI callbackBaseUrl,
		@NotNull @DefaultValue("30s") Duration approvalRetryInterval) {

}
