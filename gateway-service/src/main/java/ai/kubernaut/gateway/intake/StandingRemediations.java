package ai.kubernaut.gateway.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import ai.kubernaut.contracts.signal.ResourceRef;
import ai.kubernaut.gateway.signal.Fingerprint;
import ai.kubernaut.gateway.signal.NormalizedSignal;

/**
 * This replica's memory of the remediations standing for fingerprints it saw recently, so
 * that an alert storm's duplicates are answered without a database round trip or a row
 * lock.
 *
 * <p>
 * An entry is trusted only until {@code phaseCheckInterval} after the engine last
 * reported the remediation running, exactly as long as {@link DedupLedger} itself answers
 * duplicates from the table without asking the engine; after that the next signal takes
 * the database path again, which re-checks the phase and refreshes the entry. So the
 * memory never changes a decision: it only skips the lock for answers the table would
 * have given. Creating a remediation always goes through the row lock, which is what
 * keeps "exactly one remediation per fingerprint" across replicas.
 *
 * <p>
 * Occurrences counted here are written to {@code signal_dedup} in batches
 * ({@link #drain}); the count in an answer is this replica's best knowledge (exact with
 * one replica once written). At most {@code maxEntries} fingerprints are remembered;
 * beyond that new ones are simply not remembered (they take the database path).
 */
class StandingRemediations {

	private final Map<String, Standing> entries = new ConcurrentHashMap<>();

	private final Duration trustFor;

	private final int maxEntries;

	StandingRemediations(Duration trustFor, int maxEntries) {
		this.trustFor = trustFor;
		this.maxEntries = maxEntries;
	}

	boolean enabled() {
		return this.trustFor.isPositive();
	}

	boolean isEmpty() {
		return this.entries.isEmpty();
	}

	/**
	 * Counts one more occurrence and returns the duplicate answer, or {@code null} when
	 * nothing trustworthy is remembered for {@code fingerprint}.
	 */
	SignalOutcome.Duplicate duplicate(Fingerprint fingerprint, ResourceRef target, NormalizedSignal signal,
			Instant now) {
		Standing standing = this.entries.get(fingerprint.value());
		if (standing == null || !standing.runningAt.plus(this.trustFor).isAfter(now)) {
			return null;
		}
		long count;
		synchronized (standing) {
			standing.count++;
			standing.unwritten++;
			standing.lastSeenAt = now;
			standing.lastSignal = signal;
			count = standing.count;
		}
		return new SignalOutcome.Duplicate(fingerprint, target, standing.remediationId, count, standing.firstSeenAt,
				now);
	}

	/**
	 * Remembers what the database path just decided: {@code remediationId} stands for
	 * {@code fingerprint} with {@code count} occurrences written, and was known running
	 * at {@code runningAt}.
	 */
	void remember(Fingerprint fingerprint, ResourceRef target, UUID remediationId, long count, Instant firstSeenAt,
			Instant runningAt) {
		if (!enabled()) {
			return;
		}
		Standing existing = this.entries.get(fingerprint.value());
		if (existing != null && existing.remediationId.equals(remediationId)) {
			synchronized (existing) {
				existing.count = count + existing.unwritten;
				existing.runningAt = runningAt;
			}
			return;
		}
		if (existing == null && this.entries.size() >= this.maxEntries) {
			return;
		}
		// A different remediation now stands; occurrences not yet written belonged to
		// the old one and are dropped with it.
		this.entries.put(fingerprint.value(),
				new Standing(fingerprint, target, remediationId, count, firstSeenAt, runningAt));
	}

	void forget(Fingerprint fingerprint) {
		this.entries.remove(fingerprint.value());
	}

	/**
	 * Takes the occurrences counted since the last call, and forgets entries that are no
	 * longer trusted and have nothing left to write.
	 */
	List<Occurrences> drain(Instant now) {
		List<Occurrences> drained = new ArrayList<>();
		this.entries.values().removeIf((standing) -> {
			synchronized (standing) {
				if (standing.unwritten > 0) {
					drained.add(new Occurrences(standing.fingerprint, standing.target, standing.remediationId,
							standing.unwritten, standing.count, standing.firstSeenAt, standing.lastSeenAt,
							standing.lastSignal));
					standing.unwritten = 0;
					return false;
				}
				return !standing.runningAt.plus(this.trustFor).isAfter(now);
			}
		});
		return drained;
	}

	/** Puts back occurrences that could not be written, to be written next time. */
	void restore(List<Occurrences> unwritten) {
		for (Occurrences occurrences : unwritten) {
			Standing standing = this.entries.get(occurrences.fingerprint().value());
			if (standing != null && standing.remediationId.equals(occurrences.remediationId())) {
				synchronized (standing) {
					standing.unwritten += occurrences.added();
				}
			}
		}
	}

	/**
	 * Occurrences of one fingerprint counted in memory and not yet written.
	 *
	 * @param added how many since the last write
	 * @param count the total known after them
	 * @param lastSignal the latest of them, for the audit event
	 */
	record Occurrences(Fingerprint fingerprint, ResourceRef target, UUID remediationId, long added, long count,
			Instant firstSeenAt, Instant lastSeenAt, NormalizedSignal lastSignal) {
	}

	private static final class Standing {

		final Fingerprint fingerprint;

		final ResourceRef target;

		final UUID remediationId;

		final Instant firstSeenAt;

		long count;

		long unwritten;

		Instant lastSeenAt;

		volatile Instant runningAt;

		NormalizedSignal lastSignal;

		Standing(Fingerprint fingerprint, ResourceRef target, UUID remediationId, long count, Instant firstSeenAt,
				Instant runningAt) {
			this.fingerprint = fingerprint;
			this.target = target;
			this.remediationId = remediationId;
			this.count = count;
			this.firstSeenAt = firstSeenAt;
			this.runningAt = runningAt;
			this.lastSeenAt = runningAt;
		}

	}

}
