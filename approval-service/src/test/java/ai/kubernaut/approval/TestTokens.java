package ai.kubernaut.approval;

/**
 * Bearer tokens of {@code approval-service-test.yml}.
 */
public final class TestTokens {

	/** Opens requests ({@code read}, {@code write}); may not decide. */
	public static final String ENGINE = "test-token-workflow-engine";

	/** An approver named {@code alice}. */
	public static final String ALICE = "test-token-approver-alice";

	/** An approver named {@code bob}. */
	public static final String BOB = "test-token-approver-bob";

	/** An approver named {@code carol}, in scope for namespace {@code payments} only. */
	public static final String CAROL = "test-token-approver-carol";

	private TestTokens() {
	}

}
