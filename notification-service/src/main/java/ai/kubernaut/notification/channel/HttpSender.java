package ai.kubernaut.notification.channel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * POSTs JSON to the outside world and turns the answer into the retry classification
 * every HTTP channel shares: 2xx is success; 408, 429 and 5xx, timeouts and network
 * errors are retryable (honouring {@code Retry-After}); any other status is permanent.
 * <p>
 * The JDK client rather than a vendor SDK: one place decides status handling and
 * {@code Retry-After} for Slack, Teams, PagerDuty and webhooks alike, tests see the exact
 * bytes sent, and no second OkHttp enters the classpath. Error messages name the host,
 * never the URL, because webhook URLs carry their credential in the path.
 */
class HttpSender {

	private static final int MAX_BODY_IN_ERROR = 300;

	private final HttpClient client;

	private final Clock clock;

	HttpSender(Duration connectTimeout, Clock clock) {
		this.client = HttpClient.newBuilder()
			.connectTimeout(connectTimeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.clock = clock;
	}

	/**
	 * POSTs {@code json} and returns the 2xx response.
	 * @param what names the receiving end in errors, e.g. {@code "Slack webhook"}
	 * @throws DeliveryFailedException for anything but a 2xx answer
	 */
	HttpResponse<String> postJson(String what, URI url, String json, Map<String, String> headers, Duration timeout) {
		HttpRequest.Builder request = HttpRequest.newBuilder(url)
			.timeout(timeout)
			.header("Content-Type", "application/json; charset=utf-8")
			.header("User-Agent", "kubernaut-notification-service")
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
		headers.forEach(request::header);
		String where = what + " at " + url.getHost();
		HttpResponse<String> response;
		try {
			response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (HttpConnectTimeoutException ex) {
			throw DeliveryFailedException.retryable(where + ": connect timed out", "timeout", null, ex);
		}
		catch (HttpTimeoutException ex) {
			throw DeliveryFailedException.retryable(where + ": no answer within " + timeout, "timeout", null, ex);
		}
		catch (IOException ex) {
			throw DeliveryFailedException.retryable(where + ": " + ex.getClass().getSimpleName()
					+ ((ex.getMessage() != null) ? " " + ex.getMessage() : ""), "network", null, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw DeliveryFailedException.retryable(where + ": interrupted", "network", null, ex);
		}
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			return response;
		}
		String message = where + " answered HTTP " + status + excerpt(response.body());
		if (isRetryable(status)) {
			throw DeliveryFailedException.retryable(message, reason(status), retryAfter(response), null);
		}
		throw DeliveryFailedException.permanent(message, reason(status), null);
	}

	static boolean isRetryable(int status) {
		return status == 408 || status == 429 || status >= 500;
	}

	static String reason(int status) {
		if (status == 408 || status == 429) {
			return "http_" + status;
		}
		return (status >= 500) ? "http_5xx" : "http_4xx";
	}

	private Duration retryAfter(HttpResponse<?> response) {
		return response.headers().firstValue("Retry-After").map(this::parseRetryAfter).orElse(null);
	}

	/**
	 * {@code Retry-After} is either delay-seconds or an HTTP date; anything unreadable is
	 * ignored rather than failing the delivery.
	 */
	Duration parseRetryAfter(String value) {
		String trimmed = value.trim();
		try {
			long seconds = Long.parseLong(trimmed);
			return (seconds >= 0) ? Duration.ofSeconds(seconds) : null;
		}
		catch (NumberFormatException ex) {
			try {
				Duration until = Duration.between(this.clock.instant(),
						ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
				return until.isNegative() ? Duration.ZERO : until;
			}
			catch (DateTimeParseException notADate) {
				return null;
			}
		}
	}

	static String excerpt(String body) {
		if (body == null || body.isBlank()) {
			return "";
		}
		String oneLine = body.strip().replaceAll("\\s+", " ");
		return ": " + ((oneLine.length() <= MAX_BODY_IN_ERROR) ? oneLine
				: oneLine.substring(0, MAX_BODY_IN_ERROR - 1) + "…");
	}

}
