package ai.kubernaut.approval.token;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import ai.kubernaut.contracts.approval.Decision;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DecisionTokensTest {

	private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

	private static final Instant NOW = Instant.parse("2025-06-01T03:00:00Z");

	private final DecisionTokens tokens = new DecisionTokens(
			new LinkProperties("0123456789abcdef0123456789abcdef", URI.create("https://approvals.example.test/")));

	private final DecisionToken token = new DecisionToken(UUID.randomUUID(), Decision.APPROVE, "alice", "ab12",
			NOW.plusSeconds(900));

	@Test
	void readsBackWhatItSigned() {
		assertThat(this.tokens.verify(this.tokens.mint(this.token), NOW)).isEqualTo(this.token);
	}

	@Test
	void isDeterministicSoThePageCanOfferTheSiblingDecision() {
		assertThat(this.tokens.mint(this.token)).isEqualTo(this.tokens.mint(this.token));
	}

	@Test
	void refusesEveryTokenWithOneFlippedCharacter() {
		String minted = this.tokens.mint(this.token);
		for (int i = 0; i < minted.length(); i++) {
			int value = BASE64URL.indexOf(minted.charAt(i));
			if (value < 0) {
				continue;
			}
			// Flip the highest of the six bits: it always carries data, even in the last
			// character.
			char flipped = BASE64URL.charAt(value ^ 0b100000);
			String forged = minted.substring(0, i) + flipped + minted.substring(i + 1);
			assertThatExceptionOfType(InvalidTokenException.class).as("position %d", i)
				.isThrownBy(() -> this.tokens.verify(forged, NOW))
				.satisfies((ex) -> assertThat(ex.isExpired()).isFalse());
		}
	}

	@Test
	void refusesATokenSignedWithAnotherSecret() {
		DecisionTokens other = new DecisionTokens(
				new LinkProperties("another-secret-of-at-least-32-bytes!", URI.create("https://x.example")));

		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> this.tokens.verify(other.mint(this.token), NOW));
	}

	@Test
	void refusesAnExpiredTokenAsExpired() {
		String minted = this.tokens.mint(this.token);

		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> this.tokens.verify(minted, this.token.expiresAt()))
			.satisfies((ex) -> assertThat(ex.isExpired()).isTrue());
	}

	@Test
	void refusesGarbage() {
		for (String garbage : new String[] { "", ".", "abc", "abc.def", "..", "x".repeat(2000) }) {
			assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.tokens.verify(garbage, NOW));
		}
	}

	@Test
	void buildsLinksUnderTheBaseUrl() {
		assertThat(this.tokens.link("t0k.en")).hasToString("https://approvals.example.test/approvals/t0k.en");
	}

	@Test
	void refusesASecretShorterThan32Bytes() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LinkProperties("too-short-secret", URI.create("https://x.example")))
			.withMessageNotContaining("too-short-secret");
	}

}
