package ai.kubernaut.notification;

/**
 * Bearer tokens of {@code notification-service-test.yml}.
 */
public final class TestTokens {

	/** May send notifications ({@code read}, {@code write}). */
	public static final String ENGINE = "test-token-workflow-engine";

	/** May only read ({@code read}). */
	public static final String VIEWER = "test-token-read-only-viewer";

	private TestTokens() {
	}

}
