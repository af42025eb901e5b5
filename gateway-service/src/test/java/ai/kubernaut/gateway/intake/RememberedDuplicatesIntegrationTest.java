package ai.kubernaut.gateway.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ai.kubernaut.contracts.remediation.CancelRemediationRequest;
import ai.kubernaut.contracts.remediation.CreateRemediationRequest;
import ai.kubernaut.contracts.remediation.RemediationApi;
import ai.kubernaut.contracts.remediation.RemediationPhase;
import ai.kubernaut.contracts.remediation.RemediationView;
import ai.kubernaut.contracts.signal.ResourceRef;
import ai.kubernaut.gateway.GatewayIntegrationTest;
import ai.kubernaut.gateway.classify.Classification;
import ai.kubernaut.gateway.signal.Fingerprint;
import ai.kubernaut.gateway.signal.NormalizedSignal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Duplicates answered from memory with production's phase check interval (the shared test
 * configuration checks on every duplicate): the ledger against the test database, an
 * engine that reports every remediation running, and a clock the test moves.
 */
@GatewayIntegrationTest
class RememberedDuplicatesIntegrationTest {

	private static final ResourceRef CHECKOUT = new ResourceRef("Deployment", "demo-shop", "checkout");

	private static final Fingerprint FINGERPRINT = Fingerprint.of("remembered", CHECKOUT);

	private static final NormalizedSignal SIGNAL = new NormalizedSignal("prometheus", "KubePodCrashLooping", "critical",
			"demo-shop", "remembered", Map.of(), Map.of(), null, false, List.of(CHECKOUT));

	@Autowired
	JdbcClient jdbc;

	@Autowired
	NamedParameterJdbcTemplate batch;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	SignalLog signalLog;

	@Autowired
	IntakeWriter intakeWriter;

	private final MovableClock clock = new MovableClock(Instant.parse("2026-11-22T06:00:00Z"));

	private final RunningEngine engine = new RunningEngine();

	private DedupLedger ledger;

	private UUID remediation;

	@BeforeEach
	void createTheStandingRemediation() {
		this.jdbc.sql("delete from signal_dedup").update();
		this.ledger = new DedupLedger(this.jdbc, new TransactionTemplate(this.transactionManager), this.engine,
				Duration.ofSeconds(5), this.clock);
		this.remediation = UUID.randomUUID();
		this.ledger.admit(FINGERPRINT, CHECKOUT, () -> new SignalOutcome.Created(FINGERPRINT, CHECKOUT,
				new Classification("production", "P0"), this.remediation));
	}

	@Test
	void answersDuplicatesWithoutTheDatabaseAndWritesTheirCountInOneBatch() {
		SignalOutcome.Duplicate second = this.ledger.duplicateFromMemory(FINGERPRINT, CHECKOUT, SIGNAL);
		SignalOutcome.Duplicate third = this.ledger.duplicateFromMemory(FINGERPRINT, CHECKOUT, SIGNAL);

		assertThat(second.remediationId()).isEqualTo(this.remediation);
		assertThat(List.of(second.count(), third.count())).containsExactly(2L, 3L);
		assertThat(storedCount()).isEqualTo(1);

		List<StandingRemediations.Occurrences> occurrences = this.ledger.drainOccurrences();
		new TransactionTemplate(this.transactionManager)
			.executeWithoutResult((status) -> this.ledger.writeOccurrences(this.batch, occurrences));

		assertThat(storedCount()).isEqualTo(3);
		assertThat(this.ledger.drainOccurrences()).isEmpty();
	}

	@Test
	void goesBackToTheDatabaseOnceThePhaseCheckIsDue() {
		this.clock.advance(Duration.ofSeconds(6));

		assertThat(this.ledger.duplicateFromMemory(FINGERPRINT, CHECKOUT, SIGNAL)).isNull();

		SignalOutcome outcome = this.ledger.admit(FINGERPRINT, CHECKOUT, () -> {
			throw new AssertionError("a running remediation stands");
		});
		assertThat(outcome).isInstanceOf(SignalOutcome.Duplicate.class);
		assertThat(this.engine.phaseQuestions).isEqualTo(1);
		// The database path refreshed the memory.
		assertThat(this.ledger.duplicateFromMemory(FINGERPRINT, CHECKOUT, SIGNAL).count()).isEqualTo(3);
	}

	@Test
	void forgetsTheRemediationWhenItsAlertResolves() {
		this.ledger.resolve(FINGERPRINT, "alert resolved", new RemediationCanceller(this.engine),
				Duration.ofSeconds(5));

		assertThat(this.ledger.duplicateFromMemory(FINGERPRINT, CHECKOUT, SIGNAL)).isNull();
	}

	@Test
	void writesTheLogRowsOfRememberedDuplicatesInTheNextBatch() {
		SignalOutcome.Duplicate duplicate = this.ledger.duplicateFromMemory(FINGERPRINT, CHECKOUT, SIGNAL);
		long before = loggedDuplicates();

		this.signalLog.logLater(SIGNAL, duplicate, this.clock.instant(), this.clock.instant());
		this.intakeWriter.write();

		assertThat(loggedDuplicates()).isEqualTo(before + 1);
	}

	private long loggedDuplicates() {
		return this.jdbc.sql("""
				select count(*) from signal_log
				 where fingerprint = :fp and outcome = 'duplicate' and remediation_id = :id
				""").param("fp", FINGERPRINT.value()).param("id", this.remediation).query(Long.class).single();
	}

	private long storedCount() {
		return this.jdbc.sql("select occurrence_count from signal_dedup where fingerprint = :fp")
			.param("fp", FINGERPRINT.value())
			.query(Long.class)
			.single();
	}

	private static final class RunningEngine implements RemediationApi {

		int phaseQuestions;

		@Override
		public RemediationView create(CreateRemediationRequest request) {
			throw new UnsupportedOperationException();
		}

		@Override
		public RemediationView get(UUID remediationId) {
			this.phaseQuestions++;
			return view(remediationId, RemediationPhase.EXECUTING);
		}

		@Override
		public RemediationView cancel(UUID remediationId, CancelRemediationRequest request) {
			return view(remediationId, RemediationPhase.CANCELLED);
		}

		private static RemediationView view(UUID id, RemediationPhase phase) {
			return new RemediationView(id, null, phase, null, null, null, null, null, null, null, null, null, null,
					null, null, null);
		}

	}

	private static final class MovableClock extends Clock {

		private Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
