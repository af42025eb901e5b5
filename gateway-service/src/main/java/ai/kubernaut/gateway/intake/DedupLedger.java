package ai.kubernaut.gateway.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Supplier;

import ai.kubernaut.contracts.remediation.RemediationApi;
import ai.kubernaut.contracts.remediation.RemediationView;
import ai.kubernaut.contracts.signal.ResourceRef;
import ai.kubernaut.gateway.signal.Fingerprint;
import ai.kubernaut.support.problem.RemoteServiceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final RemediationApi engine;

	private final Duration phaseCheckInterval;

	private final Clock clock;

	DedupLedger(JdbcClient jdbc, TransactionTemplate transactions, RemediationApi engine, Duration phaseCheckInterval,
			Clock clock) {
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
			if (row.remediationId() != null && !terminal(fingerprint, row, now)) {
				return this.jdbc.sql("""
						update signal_dedup set occurrence_count = occurrence_count + 1, last_seen_at = :now
						 where fingerprint = :fp
						returning occurrence_count, first_seen_at, last_seen_at
						""")
					.param("fp", fingerprint.value())
					.param("now", utc(now))
					.query((rs, n) -> new SignalOutcome.Duplicate(fingerprint, target, row.remediationId(),
							rs.getLong("occurrence_count"), instant(rs, "first_seen_at"), instant(rs, "last_seen_at")))
					.single();
			}
			SignalOutcome outcome = create.get();
			if (outcome instanceof SignalOutcome.Created created) {
				Instant createdAt = this.clock.instant();
				this.jdbc.sql("""
						update signal_dedup set remediation_id = :id, occurrence_count = 1, first_seen_at = :now,
						       last_seen_at = :now, terminal = false, phase_checked_at = :now, resolved_at = null
						 where fingerprint = :fp
						""")
					.param("id", created.remediationId())
					.param("now", utc(createdAt))
					.param("fp", fingerprint.value())
					.update();
			}
			else {
				status.setRollbackOnly();
			}
			return outcome;
		});
	}

	/**
	 * Notes that the source reported the condition of {@code fingerprint} as over.
	 * @return whether a remediation stands for it
	 */
	boolean resolved(Fingerprint fingerprint) {
		return this.jdbc.sql("update signal_dedup set resolved_at = :now where fingerprint = :fp")
			.param("now", utc(this.clock.instant()))
			.param("fp", fingerprint.value())
			.update() > 0;
	}

	private boolean terminal(Fingerprint fingerprint, Row row, Instant now) {
		if (row.terminal()) {
			return true;
		}
		if (row.phaseCheckedAt() != null && row.phaseCheckedAt().plus(this.phaseCheckInterval).isAfter(now)) {
			return false;
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
				return false;
			}
			// The engine does not know it (e.g. its data was reset): nothing stands.
			terminal = true;
		}
		catch (RestClientException ex) {
			log.warn("Could not ask the engine about remediation {} ({}); still counting it as running",
					row.remediationId(), ex.getMessage());
			return false;
		}
		this.jdbc.sql("update signal_dedup set terminal = :terminal, phase_checked_at = :now where fingerprint = :fp")
			.param("terminal", terminal)
			.param("now", utc(now))
			.param("fp", fingerprint.value())
			.update();
		return terminal;
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

}
