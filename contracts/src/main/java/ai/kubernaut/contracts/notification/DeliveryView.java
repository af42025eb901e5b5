package ai.kubernaut.contracts.notification;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Delivery of a notification through one channel.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryView(String channel, DeliveryStatus status, int attempts, String lastError, Instant deliveredAt) {
}
