package ai.kubernaut.notification.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import ai.kubernaut.notification.routing.RateLimit;
import ai.kubernaut.notification.routing.Receivers;

import org.springframework.stereotype.Component;

/**
 * One token bucket per rate-limited receiver, in memory: full at start, refilled
 * continuously at {@code messages / per}.
 */
@Component
class RateLimiter {

	private final Receivers receivers;

	private final Clock clock;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	RateLimiter(Receivers receivers, Clock clock) {
		this.receivers = receivers;
		this.clock = clock;
	}

	/**
	 * Takes a token for {@code receiver}.
	 * @return empty if a token was taken, else how long until one is available
	 */
	Optional<Duration> tryAcquire(String receiver) {
		Optional<RateLimit> limit = this.receivers.rateLimit(receiver);
		if (limit.isEmpty()) {
			return Optional.empty();
		}
		return this.buckets.computeIfAbsent(receiver, (name) -> new Bucket(limit.get(), this.clock.instant()))
			.tryAcquire(this.clock.instant());
	}

	static final class Bucket {

		private final double capacity;

		private final double tokensPerNano;

		private double tokens;

		private Instant refilledAt;

		Bucket(RateLimit limit, Instant now) {
			this.capacity = limit.messages();
			this.tokensPerNano = limit.messages() / (double) limit.per().toNanos();
			this.tokens = this.capacity;
			this.refilledAt = now;
		}

		synchronized Optional<Duration> tryAcquire(Instant now) {
			if (now.isAfter(this.refilledAt)) {
				long elapsed = Duration.between(this.refilledAt, now).toNanos();
				this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.tokensPerNano);
				this.refilledAt = now;
			}
			if (this.tokens >= 1) {
				this.tokens -= 1;
				return Optional.empty();
			}
			return Optional.of(Duration.ofNanos((long) Math.ceil((1 - this.tokens) / this.tokensPerNano)));
		}

	}

}
