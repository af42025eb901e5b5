package ai.kubernaut.approval.request;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long approval requests stay open and how overdue ones are swept.
 *
 * @param defaultExpiry how long a request stays open when the caller gives no
 * {@code expiresIn}; 15 minutes, as upstream Kubernaut's approval timeout
 * @param minExpiry the shortest {@code expiresIn} accepted; shorter leaves no human time
 * to react
 * @param maxExpiry the longest {@code expiresIn} accepted; a remediation approved a day
 * later acts on a cluster that has moved on
 * @param expirySweepInterval how often overdue requests are marked expired
 * @param expirySweepBatchSize how many requests one sweep statement expires at most
 */
@Validated
@ConfigurationProperties("kubernaut.approval")
record ApprovalProperties(@DefaultValue("15m") Duration defaultExpiry, @DefaultValue("1m") Duration minExpiry,
		@DefaultValue("24h") Duration maxExpiry, @DefaultValue("30s") Duration expirySweepInterval,
		@DefaultValue("100") @Positive @Max(10_000) int expirySweepBatchSize) {

	ApprovalProperties {
		if (minExpiry.isNegative() || minExpiry.isZero() || maxExpiry.compareTo(minExpiry) < 0) {
			throw new IllegalArgumentException("kubernaut.approval.min-expiry (" + minExpiry
					+ ") must be positive and not above kubernaut.approval.max-expiry (" + maxExpiry + ")");
		}
		if (!allows(defaultExpiry, minExpiry, maxExpiry)) {
			throw new IllegalArgumentException("kubernaut.approval.default-expiry (" + defaultExpiry
					+ ") must lie between min-expiry (" + minExpiry + ") and max-expiry (" + maxExpiry + ")");
		}
		if (expirySweepInterval.isNegative() || expirySweepInterval.isZero()) {
			throw new IllegalArgumentException(
					"kubernaut.approval.expiry-sweep-interval must be positive, was " + expirySweepInterval);
		}
	}

	boolean allowsExpiry(Duration expiresIn) {
		return allows(expiresIn, this.minExpiry, this.maxExpiry);
	}

	private static boolean allows(Duration value, Duration min, Duration max) {
		return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
	}

}
