package ai.kubernaut.engine.remediation;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Decides whether a target may be remediated now, and how its failure history changes
 * when a remediation ends. Pure: the caller reads the state and applies the result.
 * <p>
 * The rules are Kubernaut's: three consecutive failures block the target for an hour; a
 * failure before anything ran backs off {@code min(base × 2^(n−1), max)} ± jitter; the
 * same workflow completed on the same target within the cooldown is not run again.
 */
final class SafetyRules {

	private final SafetyProperties properties;

	private final DoubleSupplier random;

	/**
	 * @param random uniform in [0, 1), for the jitter
	 */
	SafetyRules(SafetyProperties properties, DoubleSupplier random) {
		this.properties = properties;
		this.random = random;
	}

	/**
	 * A block that applies before a workflow is chosen: blocked target, then backoff.
	 */
	Optional<Block> beforeSelection(TargetState state, Instant now) {
		if (state.blockedUntil() != null && now.isBefore(state.blockedUntil())) {
			return Optional.of(new Block(Outcome.ConsecutiveFailuresBlocked, state.consecutiveFailures()
					+ " consecutive failures on " + state.targetKey() + "; blocked until " + state.blockedUntil()));
		}
		if (state.nextAllowedAt() != null && now.isBefore(state.nextAllowedAt())) {
			return Optional.of(new Block(Outcome.ExponentialBackoff, "the last attempt on " + state.targetKey()
					+ " failed before running; next attempt allowed at " + state.nextAllowedAt()));
		}
		return Optional.empty();
	}

	/**
	 * {@code RecentlyRemediated} when the workflow completed on the target within the
	 * cooldown.
	 * @param lastCompleted when the same workflow last completed on the target, or
	 * {@code null}
	 */
	Optional<Block> cooldown(String workflowId, String targetKey, Instant lastCompleted, Instant now) {
		if (lastCompleted == null) {
			return Optional.empty();
		}
		Instant until = lastCompleted.plus(this.properties.cooldown());
		if (now.isBefore(until)) {
			return Optional.of(new Block(Outcome.RecentlyRemediated, "workflow " + workflowId + " completed on "
					+ targetKey + " at " + lastCompleted + "; cooldown until " + until));
		}
		return Optional.empty();
	}

	/**
	 * The state after a remediation of the target failed.
	 * @param beforeExecution whether it failed before any step ran (no workflow, the
	 * catalog unreachable, an invalid workflow): only those back off
	 */
	TargetState afterFailure(TargetState state, boolean beforeExecution, Instant now) {
		int failures = state.consecutiveFailures() + 1;
		Instant nextAllowed = beforeExecution ? now.plus(backoff(failures)) : state.nextAllowedAt();
		Instant blockedUntil = (failures >= this.properties.blockAfterFailures()) ? now.plus(this.properties.blockFor())
				: state.blockedUntil();
		return new TargetState(state.targetKey(), failures, now, nextAllowed, blockedUntil);
	}

	TargetState afterSuccess(TargetState state) {
		return TargetState.clean(state.targetKey());
	}

	/**
	 * {@code min(base × 2^(n−1), max)}, spread by ± jitter.
	 */
	Duration backoff(int failures) {
		int exponent = Math.min(Math.max(failures - 1, 0), 20);
		long base = this.properties.backoffBase().toMillis() << exponent;
		long capped = Math.min(base, this.properties.backoffMax().toMillis());
		double spread = (this.random.getAsDouble() * 2 - 1) * this.properties.backoffJitter();
		return Duration.ofMillis(Math.round(capped * (1 + spread)));
	}

	/**
	 * Why a remediation does not run now.
	 */
	record Block(Outcome outcome, String message) {

	}

}
