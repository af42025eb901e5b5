import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import ai.kubernaut.approval.token.DecisionToken;
import ai.kubernaut.approval.token.DecisionTokens;
import ai.kubernaut.approval.token.LinkProperties;
import ai.kubernaut.contracts.approval.Decision;

/**
 * Cost of minting and verifying one-click decision tokens (HMAC-SHA256), and of refusing
 * forged ones. In-process, no network. Prints ops/s and ns/op per operation.
 */
public class TokenBench {

	private static final int WARMUP = 200_000;

	private static final int ROUNDS = 1_000_000;

	public static void main(String[] args) {
		DecisionTokens tokens = new DecisionTokens(
				new LinkProperties("bench-secret-0123456789abcdef0123456789", URI.create("https://approvals.example")));
		Instant now = Instant.now();
		DecisionToken token = new DecisionToken(UUID.randomUUID(), Decision.APPROVE, "alice",
				"e657aba1e6ca67a0d847183d95cc65721d0df7f46a2bc3861d9fc9915e0192eb", now.plusSeconds(900));
		String minted = tokens.mint(token);
		String forged = minted.substring(0, minted.length() - 2) + (minted.endsWith("A") ? "QB" : "AQ");

		run("mint", WARMUP, () -> tokens.mint(token));
		run("verify (valid)", WARMUP, () -> tokens.verify(minted, now));
		run("verify (forged)", WARMUP, () -> refuse(tokens, forged, now));
		run("mint", ROUNDS, () -> tokens.mint(token)).print();
		run("verify (valid)", ROUNDS, () -> tokens.verify(minted, now)).print();
		run("verify (forged)", ROUNDS, () -> refuse(tokens, forged, now)).print();
	}

	private static Object refuse(DecisionTokens tokens, String forged, Instant now) {
		try {
			return tokens.verify(forged, now);
		}
		catch (RuntimeException expected) {
			return expected;
		}
	}

	private static Result run(String name, int rounds, java.util.function.Supplier<Object> operation) {
		long sink = 0;
		long start = System.nanoTime();
		for (int i = 0; i < rounds; i++) {
			sink += operation.get().hashCode();
		}
		long elapsed = System.nanoTime() - start;
		return new Result(name, rounds, elapsed, sink);
	}

	private record Result(String name, int rounds, long nanos, long sink) {

		void print() {
			System.out.printf("%-16s %,12.0f ops/s %8.0f ns/op (%d ops, sink %d)%n", this.name,
					this.rounds / (this.nanos / 1e9), (double) this.nanos / this.rounds, this.rounds, this.sink % 10);
		}

	}

}
