package ai.kubernaut.engine;

import ai.kubernaut.support.client.ServiceEndpoint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The services the engine calls.
 *
 * @param dataStorage the workflow catalog
 * ({@code kubernaut.engine.clients.data-storage.*})
 * @param notification where remediation outcomes are announced
 * ({@code kubernaut.engine.clients.notification.*})
 * @param approval where approval gates ask people
 * ({@code kubernaut.engine.clients.approval.*})
 */
@Validated
@ConfigurationProperties("kubernaut.engine.clients")
record PeerServicesProperties(@NotNull @Valid ServiceEndpoint dataStorage, @NotNull @Valid ServiceEndpoint notification,
		@NotNull @Valid ServiceEndpoint approval) {
}
