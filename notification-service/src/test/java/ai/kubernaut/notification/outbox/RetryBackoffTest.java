package ai.kubernaut.notification.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RetryBackoffTest {

	private static final Instant NOW = Instant.parse("2025-06-01T03:00:00Z");

	private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	/** A random source at the middle of [0, 1): no jitter. */
	private static final double CENTRE = 0.5;

	@ParameterizedTest
	@CsvSource({ "1, PT30S", "2, PT1M", "3, PT2M", "4, PT4M", "5, PT8M", "6, PT8M", "10, PT8M" })
	void doublesFromThirtySecondsUpToEightMinutes(int failedAttempts, Duration expected) {
		RetryBackoff backoff = new RetryBackoff(upstreamDefaults(), CLOCK, () -> CENTRE);

		assertThat(backoff.delayAfter(failedAttempts)).isEqualTo(expected);
	}

	@Test
	void spreadsEachDelayByAtMostTheJitter() {
		RetryBackoff lowest = new RetryBackoff(upstreamDefaults(), CLOCK, () -> 0.0);
		RetryBackoff highest = new RetryBackoff(upstreamDefaults(), CLOCK, () -> Math.nextDown(1.0));

		assertThat(lowest.delayAfter(1)).isEqualTo(Duration.ofSeconds(27));
		assertThat(highest.delayAfter(1)).isEqualTo(Duration.ofSeconds(33));
		assertThat(lowest.delayAfter(8)).isEqualTo(Duration.ofMinutes(8).multipliedBy(9).dividedBy(10));
		assertThat(highest.delayAfter(8)).isEqualTo(Duration.ofMinutes(8).multipliedBy(11).dividedBy(10));
	}

	@Test
	void schedulesTheNextAttemptFromTheClock() {
		RetryBackoff backoff = new RetryBackoff(upstreamDefaults(), CLOCK, () -> CENTRE);

		assertThat(backoff.nextAttemptAfter(2)).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
	}

	@Test
	void neverOverflowsOnAbsurdAttemptCounts() {
		RetryBackoff backoff = new RetryBackoff(upstreamDefaults(), CLOCK, () -> CENTRE);

		assertThat(backoff.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(8));
	}

	@Test
	void refusesAttemptCountsBelowOne() {
		RetryBackoff backoff = new RetryBackoff(upstreamDefaults(), CLOCK, () -> CENTRE);

		assertThatIllegalArgumentException().isThrownBy(() -> backoff.delayAfter(0));
	}

	private static DeliveryProperties upstreamDefaults() {
		return new DeliveryProperties(Duration.ofMillis(500), 20, 5, Duration.ofSeconds(30), 2.0, Duration.ofMinutes(8),
				0.1, Duration.ofMinutes(2), true);
	}

}
