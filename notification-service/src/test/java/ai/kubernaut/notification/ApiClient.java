package ai.kubernaut.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import ai.kubernaut.contracts.notification.DeliveryStatus;
import ai.kubernaut.contracts.notification.DeliveryView;
import ai.kubernaut.contracts.notification.NotificationView;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.awaitility.Awaitility.await;

/**
 * The notification API as tests call it, with the engine's token.
 */
public final class ApiClient {

	public static final Duration PATIENCE = Duration.ofSeconds(15);

	private final RestTestClient http;

	private final JsonMapper json;

	public ApiClient(RestTestClient http, JsonMapper json) {
		this.http = http;
		this.json = json;
	}

	public ObjectNode fixture(String name) {
		try (InputStream fixture = getClass().getResourceAsStream("/notifications/" + name)) {
			return (ObjectNode) this.json.readTree(new String(fixture.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The approval request fixture, routed by the test configuration's label
	 * {@code route}.
	 */
	public ObjectNode routedTo(String route) {
		ObjectNode request = fixture("approval-request.json");
		request.putObject("labels").put("route", route);
		return request;
	}

	public NotificationView accept(ObjectNode request) {
		return this.http.post()
			.uri("/api/v1/notifications")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.ENGINE)
			.contentType(MediaType.APPLICATION_JSON)
			.body(request.toString())
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(NotificationView.class)
			.returnResult()
			.getResponseBody();
	}

	public NotificationView get(UUID id) {
		return this.http.get()
			.uri("/api/v1/notifications/{id}", id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.ENGINE)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(NotificationView.class)
			.returnResult()
			.getResponseBody();
	}

	public NotificationView awaitSettled(UUID id) {
		return await().atMost(PATIENCE).until(() -> get(id), (view) -> view.status() != DeliveryStatus.PENDING);
	}

	public RestTestClient.ResponseSpec retry(UUID id) {
		return this.http.post()
			.uri("/api/v1/notifications/{id}/retry", id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.ENGINE)
			.exchange();
	}

	public RestTestClient.ResponseSpec list(String query) {
		return this.http.get()
			.uri("/api/v1/notifications?" + query)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.ENGINE)
			.exchange();
	}

	public static DeliveryView delivery(NotificationView view, String channel) {
		return view.deliveries()
			.stream()
			.filter((delivery) -> delivery.channel().equals(channel))
			.findFirst()
			.orElseThrow();
	}

}
