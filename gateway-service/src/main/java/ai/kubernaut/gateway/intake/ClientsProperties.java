package ai.kubernaut.gateway.intake;

import ai.kubernaut.support.client.ServiceEndpoint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The services the gateway calls.
 *
 * @param workflowEngine where remediations are handed off; its {@code token} must hold
 * the engine's {@code write} role
 */
@Validated
@ConfigurationProperties("kubernaut.gateway.clients")
record ClientsProperties(@NotNull @Valid ServiceEndpoint workflowEngine) {

}
