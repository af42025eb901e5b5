package ai.kubernaut.engine.remediation;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Catches up what the event-driven path may miss: pending remediations nobody picked up
 * (lost from the queue by a restart), and executions whose end or approval wait the
 * remediation does not show yet (a replica died between the commit and the listener
 * call). Safe on every replica at once: each action locks its row and repeats nothing.
 */
class RemediationSweeper implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RemediationSweeper.class);

	private static final int BATCH = 50;

	private final RemediationRepository repository;

	private final RemediationOrchestrator orchestrator;

	private final Clock clock;

	private final Duration interval;

	private final Duration pendingGrace;

	private volatile ScheduledExecutorService timer;

	RemediationSweeper(RemediationRepository repository, RemediationOrchestrator orchestrator, Clock clock,
			Duration interval, Duration pendingGrace) {
		this.repository = repository;
		this.orchestrator = orchestrator;
		this.clock = clock;
		this.interval = interval;
		this.pendingGrace = pendingGrace;
	}

	@Override
	public void start() {
		this.timer = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("remediation-sweeper").factory());
		this.timer.scheduleWithFixedDelay(this::sweepSafely, this.interval.toMillis(), this.interval.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		ScheduledExecutorService timer = this.timer;
		this.timer = null;
		if (timer != null) {
			timer.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return this.timer != null;
	}

	void sweep() {
		List<UUID> ahead = this.repository.executionsAhead(BATCH);
		ahead.forEach((executionId) -> this.orchestrator.phaseChanged(executionId, null));
		List<UUID> pending = this.repository.stalePending(this.clock.instant().minus(this.pendingGrace), BATCH);
		pending.forEach(this.orchestrator::process);
		if (!ahead.isEmpty() || !pending.isEmpty()) {
			log.info("Sweep caught up {} execution end(s) and {} pending remediation(s)", ahead.size(), pending.size());
		}
	}

	private void sweepSafely() {
		try {
			sweep();
		}
		catch (RuntimeException ex) {
			log.warn("Remediation sweep failed; retrying at the next interval", ex);
		}
	}

}
