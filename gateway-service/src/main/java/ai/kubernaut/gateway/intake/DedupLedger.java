package ai.kubernaut.gateway.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import ai.kubernaut.contracts.remediation.RemediationApi;
import ai.kubernaut.contracts.remediation.RemediationView;
import ai.kubernaut.contracts.signal.ResourceRef;
import ai.kubernaut.gateway.signal.Fingerprint;
import ai.kubernaut.gateway.signal.NormalizedSignal;
import ai.kubernaut.support.problem.RemoteServiceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClientException;

/**
 * Decides, once across all gateway replicas, whether a signal starts a remediation or is
 * a duplicate of the one standing for its fingerprint.
 *
 * <p>
 * The decision is made under a row lock on {@code signal_dedup}: the row is created if
 * absent ({@code insert ... on conflict do nothing}), then locked
 * ({@code select ... for update}); whoever holds the lock either counts a duplicate or
 * asks the engine for a new remediation and records its id before committing. Concurrent
 * signals for the same fingerprint wait on the lock and then see that id, so exactly one
 * remediation is created however many replicas receive the alert.
 *
 * <p>
 * A remediation stops absorbing signals once the engine reports it terminal. The phase is
 * asked at most once per {@code phaseCheckInterval} per fingerprint (duplicates in
 * between are answered from the table), and terminal is remembered in the table, since it
 * never changes. If the engine cannot say, the remediation is assumed still running: a
 * missed new remediation is retried by the next alert, a spurious second one would act
 * twice on the same workload.
 */
class DedupLedger {

	private static final Logger log = LoggerFactory.getLogger(DedupLedger.class);

	/** Fingerprints whose standing remediation is remembered in memory, at most. */
	static final int MAX_REMEMBERED = 10_000;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final RemediationApi engine;

	private final Duration phaseCheckInterval;

	private final Clock clock;

	private final StandingRemediations memory;

	DedupLedger(JdbcClient jdbc, TransactionTemplate transactions, RemediationApi engine, Duration phaseCheckInterval,
			Clock clock) {
		this.memory = new StandingRemediations(phaseCheckInterval, MAX_REMEMBERED);
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.engine = engine;
		this.phaseCheckInterval = phaseCheckInterval;
		this.clock = clock;
	}

	/**
	 * Counts the signal as a duplicate of the standing remediation, or, when there is
	 * none (or it is terminal), runs {@code create} while holding the fingerprint's lock.
	 * A {@link SignalOutcome.Created} from {@code create} becomes the standing
	 * remediation; any other outcome leaves the table as it was.
	 */
	SignalOutcome admit(Fingerprint fingerprint, ResourceRef target, Supplier<SignalOutcome> create) {
		return this.transactions.execute((status) -> {
			Instant now = this.clock.instant();
			this.jdbc.sql("""
					insert into signal_dedup (fingerprint, first_seen_at, last_seen_at) values (:fp, :now, :now)
					on conflict (fingerprint) do nothing
					""").param("fp", fingerprint.value()).param("now", utc(now)).update();
			Row row = this.jdbc.sql("""
					select remediation_id, terminal, phase_checked_at from signal_dedup
					 where fingerprint = :fp for update
					""").param("fp", fingerprint.value()).query(DedupLedger::row).single();
			Phase phase = (row.remediationId() != null) ? phase(fingerprint, row, now) : null;
			if (phase != null && !phase.terminal()) {
				SignalOutcome.Duplicate duplicate = this.jdbc.sql("""
						update signal_dedup set occurrence_count = occurrence_count + 1, last_seen_at = :now
						 where fingerprint = :fp
						returning occurrence_count, first_seen_at, last_seen_at
						""")
					.param("fp", fingerprint.value())
					.param("now", utc(now))
					.query((rs, n) -> new SignalOutcome.Duplicate(fingerprint, target, row.remediationId(),
							rs.getLong("occurrence_count"), instant(rs, "first_seen_at"), instant(rs, "last_seen_at")))
					.single();
				if (phase.runningAt() != null) {
					this.memory.remember(fingerprint, target, row.remediationId(), duplicate.count(),
							duplicate.firstOccurrence(), phase.runningAt());
				}
				return duplicate;
			}
			SignalOutcome outcome = create.get();
			if (outcome instanceof SignalOutcome.Created created) {
				Instant createdAt = this.clock.instant();
				this.jdbc.sql("""
						update signal_dedup set remediation_id = :id, occurrence_count = 1, first_seen_at = :now,
						       last_seen_at = :now, terminal = false, phase_checked_at = :now, resolved_at = null,
						       resolution = null, cancel_remediation_id = null, cancel_reason = null,
						       cancel_requested_at = null, cancel_attempts = 0, cancel_next_attempt_at = null,
						       cancel_last_error = null
						 where fingerprint = :fp
						""")
					.param("id", created.remediationId())
					.param("now", utc(createdAt))
					.param("fp", fingerprint.value())
					.update();
				this.memory.remember(fingerprint, target, created.remediationId(), 1, createdAt, createdAt);
			}
			else {
				status.setRollbackOnly();
			}
			return outcome;
		});
	}

	/**
	 * Records that the source reported the condition of {@code fingerprint} as over and
	 * cancels the remediation standing for it, under the fingerprint's lock so a firing
	 * alert racing the resolution waits for its outcome. A remediation already known to
	 * be terminal is not asked about. When the engine cannot be reached, the cancellation
	 * is stored for {@link #retryDueCancellation} instead.
	 */
	Resolution resolve(Fingerprint fingerprint, String reason, RemediationCanceller canceller, Duration firstRetry) {
		this.memory.forget(fingerprint);
		return this.transactions.execute((status) -> {
			Instant now = this.clock.instant();
			Row row = this.jdbc.sql("""
					select remediation_id, terminal, phase_checked_at from signal_dedup
					 where fingerprint = :fp for update
					""").param("fp", fingerprint.value()).query(DedupLedger::row).optional().orElse(null);
			if (row == null) {
				return new Resolution(null, SignalOutcome.Resolved.Resolution.NO_REMEDIATION);
			}
			SignalOutcome.Resolved.Resolution resolution;
			if (row.remediationId() == null) {
				resolution = SignalOutcome.Resolved.Resolution.NO_REMEDIATION;
			}
			else if (row.terminal()) {
				resolution = SignalOutcome.Resolved.Resolution.ALREADY_FINISHED;
			}
			else {
				RemediationCanceller.Attempt attempt = canceller.cancel(row.remediationId(), reason);
				if (attempt.result() == RemediationCanceller.Result.UNAVAILABLE) {
					log.warn("Could not cancel remediation {} of resolved fingerprint {} ({}); will retry",
							row.remediationId(), fingerprint, attempt.error());
					this.jdbc.sql("""
							update signal_dedup set resolved_at = :now, resolution = :resolution,
							       cancel_remediation_id = :id, cancel_reason = :reason, cancel_requested_at = :now,
							       cancel_attempts = 1, cancel_next_attempt_at = :next, cancel_last_error = :error
							 where fingerprint = :fp
							""")
						.param("now", utc(now))
						.param("resolution", SignalOutcome.Resolved.Resolution.CANCEL_PENDING.code())
						.param("id", row.remediationId())
						.param("reason", reason)
						.param("next", utc(now.plus(firstRetry)))
						.param("error", attempt.error())
						.param("fp", fingerprint.value())
						.update();
					return new Resolution(row.remediationId(), SignalOutcome.Resolved.Resolution.CANCEL_PENDING);
				}
				resolution = resolution(attempt.result());
			}
			this.jdbc.sql("""
					update signal_dedup set resolved_at = :now, resolution = :resolution,
					       terminal = terminal or :ended, phase_checked_at = :now, cancel_remediation_id = null,
					       cancel_reason = null, cancel_requested_at = null, cancel_attempts = 0,
					       cancel_next_attempt_at = null, cancel_last_error = null
					 where fingerprint = :fp
					""")
				.param("now", utc(now))
				.param("resolution", resolution.code())
				.param("ended", row.remediationId() != null)
				.param("fp", fingerprint.value())
				.update();
			return new Resolution(row.remediationId(), resolution);
		});
	}

	/**
	 * Retries one stored cancellation that is due, if any, and reports what became of it.
	 * Rows are claimed with {@code for update skip locked}, so replicas share the work
	 * without sending one cancellation twice at once. A cancellation is withdrawn when
	 * the alert fired again after it resolved (the problem is back, so the remediation is
	 * wanted), and given up after {@code giveUpAfter}.
	 * @return what happened, empty when nothing was due
	 */
	Optional<DeferredCancellation> retryDueCancellation(RemediationCanceller canceller, Duration firstRetry,
			Duration maxBackoff, Duration giveUpAfter) {
		return this.transactions.execute((status) -> {
			Instant now = this.clock.instant();
			Optional<Pending> due = this.jdbc.sql("""
					select fingerprint, cancel_remediation_id, cancel_reason, cancel_requested_at, cancel_attempts,
					       resolved_at, last_seen_at
					  from signal_dedup
					 where cancel_next_attempt_at <= :now
					 order by cancel_next_attempt_at
					 limit 1
					   for update skip locked
					""")
				.param("now", utc(now))
				.query((rs, n) -> new Pending(new Fingerprint(rs.getString("fingerprint")),
						rs.getObject("cancel_remediation_id", UUID.class), rs.getString("cancel_reason"),
						instant(rs, "cancel_requested_at"), rs.getInt("cancel_attempts"), instant(rs, "resolved_at"),
						instant(rs, "last_seen_at")))
				.optional();
			if (due.isEmpty()) {
				return Optional.<DeferredCancellation>empty();
			}
			Pending pending = due.get();
			if (pending.lastSeenAt() != null && pending.resolvedAt() != null
					&& pending.lastSeenAt().isAfter(pending.resolvedAt())) {
				clearCancellation(pending.fingerprint(), null, false, null);
				return Optional.of(new DeferredCancellation(pending.fingerprint(), pending.remediationId(),
						DeferredCancellation.Result.WITHDRAWN, null));
			}
			RemediationCanceller.Attempt attempt = canceller.cancel(pending.remediationId(), pending.reason());
			if (attempt.result() != RemediationCanceller.Result.UNAVAILABLE) {
				SignalOutcome.Resolved.Resolution resolution = resolution(attempt.result());
				clearCancellation(pending.fingerprint(), resolution.code(), true, null);
				return Optional.of(new DeferredCancellation(pending.fingerprint(), pending.remediationId(),
						switch (attempt.result()) {
							case CANCELLED -> DeferredCancellation.Result.CANCELLED;
							case ALREADY_FINISHED -> DeferredCancellation.Result.ALREADY_FINISHED;
							default -> DeferredCancellation.Result.UNKNOWN;
						}, null));
			}
			if (!pending.requestedAt().plus(giveUpAfter).isAfter(now)) {
				clearCancellation(pending.fingerprint(), "resolved-cancel-failed", false, attempt.error());
				return Optional.of(new DeferredCancellation(pending.fingerprint(), pending.remediationId(),
						DeferredCancellation.Result.GAVE_UP, attempt.error()));
			}
			Duration backoff = firstRetry.multipliedBy(1L << Math.min(pending.attempts(), 20));
			if (backoff.compareTo(maxBackoff) > 0) {
				backoff = maxBackoff;
			}
			this.jdbc.sql("""
					update signal_dedup set cancel_attempts = cancel_attempts + 1, cancel_next_attempt_at = :next,
					       cancel_last_error = :error
					 where fingerprint = :fp
					""")
				.param("next", utc(now.plus(backoff)))
				.param("error", attempt.error())
				.param("fp", pending.fingerprint().value())
				.update();
			return Optional.of(new DeferredCancellation(pending.fingerprint(), pending.remediationId(),
					DeferredCancellation.Result.RETRYING, attempt.error()));
		});
	}

	private void clearCancellation(Fingerprint fingerprint, String resolution, boolean ended, String error) {
		this.jdbc.sql("""
				update signal_dedup set resolution = coalesce(:resolution, resolution), terminal = terminal or :ended,
				       cancel_remediation_id = null, cancel_reason = null, cancel_requested_at = null,
				       cancel_attempts = 0, cancel_next_attempt_at = null, cancel_last_error = :error
				 where fingerprint = :fp
				""")
			.param("resolution", resolution)
			.param("ended", ended)
			.param("error", error)
			.param("fp", fingerprint.value())
			.update();
	}

	private static SignalOutcome.Resolved.Resolution resolution(RemediationCanceller.Result result) {
		return switch (result) {
			case CANCELLED -> SignalOutcome.Resolved.Resolution.CANCELLED;
			case ALREADY_FINISHED -> SignalOutcome.Resolved.Resolution.ALREADY_FINISHED;
			case UNKNOWN -> SignalOutcome.Resolved.Resolution.NO_REMEDIATION;
			case UNAVAILABLE -> SignalOutcome.Resolved.Resolution.CANCEL_PENDING;
		};
	}

	/**
	 * Whether the standing remediation ended, asking the engine at most once per
	 * {@code phaseCheckInterval}; with {@code runningAt}, when it was last known running
	 * ({@code null} when the engine could not say).
	 */
	private Phase phase(Fingerprint fingerprint, Row row, Instant now) {
		if (row.terminal()) {
			return new Phase(true, null);
		}
		if (row.phaseCheckedAt() != null && row.phaseCheckedAt().plus(this.phaseCheckInterval).isAfter(now)) {
			return new Phase(false, row.phaseCheckedAt());
		}
		boolean terminal;
		try {
			RemediationView remediation = this.engine.get(row.remediationId());
			terminal = remediation.phase() != null && remediation.phase().isTerminal();
		}
		catch (RemoteServiceException ex) {
			if (ex.status().value() != 404) {
				log.warn("Could not ask the engine about remediation {} ({}); still counting it as running",
						row.remediationId(), ex.getMessage());
				return new Phase(false, null);
			}
			// The engine does not know it (e.g. its data was reset): nothing stands.
			terminal = true;
		}
		catch (RestClientException ex) {
			log.warn("Could not ask the engine about remediation {} ({}); still counting it as running",
					row.remediationId(), ex.getMessage());
			return new Phase(false, null);
		}
		this.jdbc.sql("update signal_dedup set terminal = :terminal, phase_checked_at = :now where fingerprint = :fp")
			.param("terminal", terminal)
			.param("now", utc(now))
			.param("fp", fingerprint.value())
			.update();
		return new Phase(terminal, terminal ? null : now);
	}

	/**
	 * The duplicate answer for {@code fingerprint} from this replica's memory, without a
	 * database round trip, or {@code null} when the database must decide (see
	 * {@link StandingRemediations}).
	 */
	SignalOutcome.Duplicate duplicateFromMemory(Fingerprint fingerprint, ResourceRef target, NormalizedSignal signal) {
		return this.memory.duplicate(fingerprint, target, signal, this.clock.instant());
	}

	/** Whether anything is remembered, so the caller can skip work when not. */
	boolean remembersAny() {
		return this.memory.enabled() && !this.memory.isEmpty();
	}

	/** The occurrences counted in memory since the last call, to be written. */
	List<StandingRemediations.Occurrences> drainOccurrences() {
		return this.memory.drain(this.clock.instant());
	}

	/**
	 * Adds occurrences counted in memory to {@code signal_dedup}, in the caller's
	 * transaction. Only rows still standing for the same remediation are updated.
	 */
	void writeOccurrences(NamedParameterJdbcTemplate batch, List<StandingRemediations.Occurrences> occurrences) {
		if (occurrences.isEmpty()) {
			return;
		}
		batch.batchUpdate("""
				update signal_dedup set occurrence_count = occurrence_count + :added,
				       last_seen_at = greatest(last_seen_at, :lastSeen)
				 where fingerprint = :fp and remediation_id = :id
				""",
				occurrences.stream()
					.map((o) -> new MapSqlParameterSource().addValue("added", o.added())
						.addValue("lastSeen", utc(o.lastSeenAt()))
						.addValue("fp", o.fingerprint().value())
						.addValue("id", o.remediationId()))
					.toArray(MapSqlParameterSource[]::new));
	}

	/** Puts back occurrences whose write failed, for the next round. */
	void restoreOccurrences(List<StandingRemediations.Occurrences> occurrences) {
		this.memory.restore(occurrences);
	}

	private static Row row(ResultSet rs, int rowNum) throws SQLException {
		return new Row(rs.getObject("remediation_id", UUID.class), rs.getBoolean("terminal"),
				instant(rs, "phase_checked_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private record Row(UUID remediationId, boolean terminal, Instant phaseCheckedAt) {
	}

	private record Phase(boolean terminal, Instant runningAt) {
	}

	private record Pending(Fingerprint fingerprint, UUID remediationId, String reason, Instant requestedAt,
			int attempts, Instant resolvedAt, Instant lastSeenAt) {
	}

	/**
	 * What resolving a fingerprint did.
	 *
	 * @param remediationId the remediation that stood for it, {@code null} when none
	 */
	record Resolution(UUID remediationId, SignalOutcome.Resolved.Resolution result) {
	}

	/** The outcome of one retried cancellation. */
	record DeferredCancellation(Fingerprint fingerprint, UUID remediationId, Result result, String error) {

		enum Result {

			CANCELLED, ALREADY_FINISHED, UNKNOWN, WITHDRAWN, RETRYING, GAVE_UP;

			String code() {
				return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
			}

		}

	}

}
