package ai.kubernaut.notification.outbox;

import java.time.Instant;

import ai.kubernaut.notification.channel.Notification;

/**
 * A delivery a worker has claimed until {@code leaseUntil}. {@code attempts} and
 * {@code leaseUntil} together fence the outcome: a worker whose lease ran out and was
 * re-claimed by another cannot overwrite the newer outcome.
 *
 * @param attempts attempts made before this one
 */
record ClaimedDelivery(Notification notification, String receiver, String channel, int attempts, Instant leaseUntil) {

	int thisAttempt() {
		return this.attempts + 1;
	}

}
