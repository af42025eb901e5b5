package ai.kubernaut.approval.slack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Replaces the original Slack message (and its buttons) with the outcome, through the
 * interaction's {@code response_url}. Done off the request thread: Slack wants its answer
 * within 3 seconds. Bounded: when the queue is full the update is dropped (the decision
 * itself is already stored and called back).
 */
@Component
class SlackResponder implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SlackResponder.class);

	private final SlackProperties properties;

	private final JsonMapper json;

	private final HttpClient http;

	private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 2, 30, TimeUnit.SECONDS,
			new ArrayBlockingQueue<>(100), Thread.ofPlatform().name("slack-response-", 0).daemon().factory());

	SlackResponder(SlackProperties properties, JsonMapper json) {
		this.properties = properties;
		this.json = json;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.responseTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * Whether this service may call {@code responseUrl} at all.
	 */
	boolean mayCall(URI responseUrl) {
		return responseUrl != null && responseUrl.getHost() != null
				&& ("https".equals(responseUrl.getScheme()) || "http".equals(responseUrl.getScheme()))
				&& this.properties.responseUrlHosts().contains(responseUrl.getHost());
	}

	/**
	 * Replaces the message with {@code text} and no buttons.
	 */
	void replace(URI responseUrl, String text) {
		send(responseUrl, Map.of("replace_original", true, "text", text, "blocks",
				List.of(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", text)))));
	}

	/**
	 * Tells only the clicking user {@code text}, leaving the message and its buttons as
	 * they are.
	 */
	void tellClicker(URI responseUrl, String text) {
		send(responseUrl, Map.of("response_type", "ephemeral", "replace_original", false, "text", text));
	}

	private void send(URI responseUrl, Map<String, Object> message) {
		if (!mayCall(responseUrl)) {
			log.warn("Not updating the Slack message: response_url host {} is not allowed",
					(responseUrl != null) ? responseUrl.getHost() : null);
			return;
		}
		String body = this.json.writeValueAsString(message);
		try {
			this.executor.execute(() -> post(responseUrl, body));
		}
		catch (RejectedExecutionException ex) {
			log.warn("Slack message update dropped: too many pending");
		}
	}

	private void post(URI responseUrl, String body) {
		try {
			HttpResponse<Void> response = this.http.send(HttpRequest.newBuilder(responseUrl)
				.timeout(this.properties.responseTimeout())
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() / 100 != 2) {
				log.warn("Slack message update answered HTTP {}", response.statusCode());
			}
		}
		catch (java.io.IOException ex) {
			log.warn("Slack message update failed: {}", ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

}
