package ai.kubernaut.actions.observe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Asks a question again at a fixed interval until it has an answer or a deadline passes.
 * The interval is bounded so that a wait on the API server never turns into a busy loop,
 * and the thread stays interruptible so a cancelled step stops promptly.
 */
public final class Poller {

	private static final Duration MIN_INTERVAL = Duration.ofMillis(10);

	private final Clock clock;

	private final Duration interval;

	public Poller(Clock clock, Duration interval) {
		this.clock = clock;
		this.interval = (interval.compareTo(MIN_INTERVAL) < 0) ? MIN_INTERVAL : interval;
	}

	public Clock clock() {
		return this.clock;
	}

	/**
	 * Calls {@code attempt} until it answers or {@code timeout} has passed; it is always
	 * called at least once.
	 * @return the answer, or empty when the time ran out
	 * @throws IllegalStateException if the thread is interrupted while waiting
	 */
	public <T> Optional<T> until(Duration timeout, Supplier<Optional<T>> attempt) {
		Instant deadline = this.clock.instant().plus(timeout);
		while (true) {
			Optional<T> answer = attempt.get();
			if (answer.isPresent()) {
				return answer;
			}
			Duration left = Duration.between(this.clock.instant(), deadline);
			if (left.isNegative() || left.isZero()) {
				return Optional.empty();
			}
			pause((left.compareTo(this.interval) < 0) ? left : this.interval);
		}
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting", ex);
		}
	}

}
