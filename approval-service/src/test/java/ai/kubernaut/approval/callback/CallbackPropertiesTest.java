package ai.kubernaut.approval.callback;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallbackPropertiesTest {

	private final CallbackProperties properties = new CallbackProperties(Duration.ofSeconds(1), 20,
			Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofSeconds(2), Duration.ofSeconds(5), null);

	@Test
	void doublesTheBackoffPerFailedAttemptUpToTheMaximum() {
		assertThat(this.properties.backoff(1)).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.properties.backoff(2)).isEqualTo(Duration.ofSeconds(2));
		assertThat(this.properties.backoff(5)).isEqualTo(Duration.ofSeconds(16));
		assertThat(this.properties.backoff(10)).isEqualTo(Duration.ofMinutes(5));
		assertThat(this.properties.backoff(10_000)).isEqualTo(Duration.ofMinutes(5));
	}

}
