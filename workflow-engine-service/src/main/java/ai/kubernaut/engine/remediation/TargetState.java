package ai.kubernaut.engine.remediation;

import java.time.Instant;

/**
 * The failure history of one target.
 *
 * @param consecutiveFailures failed remediations since the last success
 * @param nextAllowedAt no new remediation before this (backoff); {@code null} when none
 * @param blockedUntil blocked after too many failures until this; {@code null} when not
 */
record TargetState(String targetKey, int consecutiveFailures, Instant lastFailureAt, Instant nextAllowedAt,
		Instant blockedUntil) {

	static TargetState clean(String targetKey) {
		return new TargetState(targetKey, 0, null, null, null);
	}

}
