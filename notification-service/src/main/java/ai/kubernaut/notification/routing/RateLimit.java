package ai.kubernaut.notification.routing;

import java.time.Duration;

/**
 * A receiver's token bucket: at most {@code messages} per {@code per}, with bursts up to
 * {@code messages}. Deliveries over the limit wait (they are not dropped and use no
 * attempt). The bucket is per service instance: with N replicas the receiver may get up
 * to N times the rate.
 */
public record RateLimit(int messages, Duration per) {
}
