package ai.kubernaut.contracts.notification;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Delivery of a notification to one channel of one receiver.
 *
 * @param receiver the routing receiver, e.g. {@code platform-oncall}
 * @param channel the channel's name within the receiver, e.g. {@code slack} or
 * {@code email}
 * @param attempts attempts made since the delivery was accepted or last re-driven
 * @param lastError what the receiving end answered on the last failed attempt; never
 * holds a credential
 * @param nextAttemptAt when the next attempt is due, while {@code PENDING}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryView(String receiver, String channel, DeliveryStatus status, int attempts, String lastError,
		Instant lastAttemptAt, Instant nextAttemptAt, Instant deliveredAt) {
}
