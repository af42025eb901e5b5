package ai.kubernaut.notification.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class HttpSenderTest {

	private final HttpSender sender = new HttpSender(Duration.ofSeconds(1),
			Clock.fixed(Instant.parse("2025-06-01T03:00:00Z"), ZoneOffset.UTC));

	@ParameterizedTest
	@CsvSource({ "408, true, http_408", "429, true, http_429", "500, true, http_5xx", "503, true, http_5xx",
			"400, false, http_4xx", "403, false, http_4xx", "404, false, http_4xx", "410, false, http_4xx" })
	void retriesOnlyTimeoutsRateLimitsAndServerErrors(int status, boolean retryable, String reason) {
		assertThat(HttpSender.isRetryable(status)).isEqualTo(retryable);
		assertThat(HttpSender.reason(status)).isEqualTo(reason);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "30|PT30S", " 2 |PT2S", "Sun, 01 Jun 2025 03:01:30 GMT|PT1M30S",
			"Sun, 01 Jun 2025 02:00:00 GMT|PT0S", "soon|", "-5|" })
	void readsRetryAfterAsSecondsOrHttpDate(String header, Duration expected) {
		assertThat(this.sender.parseRetryAfter(header)).isEqualTo(expected);
	}

}
