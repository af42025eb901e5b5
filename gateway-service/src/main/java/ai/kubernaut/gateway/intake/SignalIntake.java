package ai.kubernaut.gateway.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import ai.kubernaut.contracts.remediation.CreateRemediationRequest;
import ai.kubernaut.contracts.remediation.RemediationApi;
import ai.kubernaut.contracts.remediation.RemediationRoute;
import ai.kubernaut.contracts.remediation.RemediationView;
import ai.kubernaut.contracts.signal.ResourceRef;
import ai.kubernaut.contracts.signal.Signal;
import ai.kubernaut.gateway.classify.SignalContext;
import ai.kubernaut.gateway.classify.SignalEnricher;
import ai.kubernaut.gateway.cluster.ClusterUnavailableException;
import ai.kubernaut.gateway.intake.SignalOutcome.Failed.Cause;
import ai.kubernaut.gateway.owner.ResolvedTarget;
import ai.kubernaut.gateway.owner.TargetNotFound;
import ai.kubernaut.gateway.owner.TargetResolution;
import ai.kubernaut.gateway.owner.TargetResolver;
import ai.kubernaut.gateway.routing.SignalRouter;
import ai.kubernaut.gateway.signal.Fingerprint;
import ai.kubernaut.gateway.signal.NormalizedSignal;
import ai.kubernaut.support.problem.RemoteServiceException;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;

/**
 * The adapter-independent path of one signal: record it, resolve its target to the
 * top-level owner, apply the scope gate, fingerprint it, let the {@link DedupLedger}
 * decide whether it is new, and for a new one classify, route and hand it to the workflow
 * engine. Every step's result is a {@link SignalOutcome}; nothing here throws for an
 * expected failure, so a batch carries on past one bad alert.
 */
public class SignalIntake {

	private static final Logger log = LoggerFactory.getLogger(SignalIntake.class);

	private final TargetResolver targets;

	private final SignalEnricher enricher;

	private final SignalRouter router;

	private final RemediationApi engine;

	private final DedupLedger dedup;

	private final SignalLog signalLog;

	private final IntakeAudit audit;

	private final SignalMetrics metrics;

	private final Clock clock;

	private final RemediationCanceller canceller;

	private final Duration firstCancelRetry;

	SignalIntake(TargetResolver targets, SignalEnricher enricher, SignalRouter router, RemediationApi engine,
			DedupLedger dedup, SignalLog signalLog, IntakeAudit audit, SignalMetrics metrics, Clock clock,
			Duration firstCancelRetry) {
		this.canceller = new RemediationCanceller(engine);
		this.firstCancelRetry = firstCancelRetry;
		this.targets = targets;
		this.enricher = enricher;
		this.router = router;
		this.engine = engine;
		this.dedup = dedup;
		this.signalLog = signalLog;
		this.audit = audit;
		this.metrics = metrics;
		this.clock = clock;
	}

	public SignalOutcome process(NormalizedSignal signal) {
		Timer.Sample sample = this.metrics.start();
		Instant receivedAt = this.clock.instant();
		this.metrics.received(signal, receivedAt);
		TargetResolution resolution = null;
		String clusterFailure = null;
		try {
			resolution = this.targets.resolve(signal.targetCandidates());
		}
		catch (ClusterUnavailableException ex) {
			clusterFailure = ex.getMessage();
			this.metrics.ownerResolution("error");
		}
		SignalOutcome.Duplicate remembered = (resolution != null) ? duplicateFromMemory(signal, resolution) : null;
		if (remembered != null) {
			this.metrics.ownerResolution("resolved");
			this.metrics.duplicateFromMemory();
			this.signalLog.logLater(signal, remembered, receivedAt, this.clock.instant());
			log.debug("Signal {} about {}: duplicate of remediation {} (from memory)", signal.name(),
					remembered.target(), remembered.remediationId());
			this.metrics.record(signal.source(), remembered, sample);
			return remembered;
		}
		SignalOutcome outcome;
		long logId;
		try {
			logId = this.signalLog.received(signal, receivedAt);
		}
		catch (DataAccessException ex) {
			log.error("Could not record signal {} in the signal log; nothing was started", signal.name(), ex);
			outcome = new SignalOutcome.Failed(Cause.SIGNAL_LOG_UNAVAILABLE,
					"The gateway could not record the signal, so it started nothing: " + ex.getMostSpecificCause(),
					null, null, null);
			this.metrics.record(signal.source(), outcome, sample);
			return outcome;
		}
		try {
			outcome = (resolution != null) ? decide(signal, resolution, receivedAt)
					: new SignalOutcome.Failed(Cause.CLUSTER_UNAVAILABLE, clusterFailure, null, null, null);
		}
		catch (DataAccessException ex) {
			log.error("The database failed while deciding on signal {}", signal.name(), ex);
			outcome = new SignalOutcome.Failed(Cause.SIGNAL_LOG_UNAVAILABLE,
					"The gateway's database failed, so it started nothing: " + ex.getMostSpecificCause(), null, null,
					null);
		}
		complete(logId, signal, outcome);
		this.metrics.record(signal.source(), outcome, sample);
		if (outcome instanceof SignalOutcome.Created) {
			this.metrics.created(Duration.between(receivedAt, this.clock.instant()));
		}
		return outcome;
	}

	/**
	 * The hot path of an alert storm: a firing alert about a managed target whose
	 * standing remediation this replica saw recently is a duplicate without a database
	 * round trip; its log row, count and audit event are written in the next batch.
	 */
	private SignalOutcome.Duplicate duplicateFromMemory(NormalizedSignal signal, TargetResolution resolution) {
		if (signal.resolved() || !this.dedup.remembersAny() || !(resolution instanceof ResolvedTarget target)
				|| !target.managed()) {
			return null;
		}
		return this.dedup.duplicateFromMemory(Fingerprint.of(signal.cluster(), target.owner()), target.owner(), signal);
	}

	private SignalOutcome decide(NormalizedSignal signal, TargetResolution resolution, Instant receivedAt) {
		return switch (resolution) {
			case TargetNotFound notFound -> {
				this.metrics.ownerResolution("not_found");
				if (signal.resolved()) {
					this.metrics.resolution(SignalOutcome.Resolved.Resolution.NO_REMEDIATION);
					yield SignalOutcome.Ignored.resolved();
				}
				yield new SignalOutcome.NoTarget(notFound.lookedUp(), notFound.detail());
			}
			case ResolvedTarget target -> {
				this.metrics.ownerResolution("resolved");
				yield admit(signal, target, receivedAt);
			}
		};
	}

	private SignalOutcome admit(NormalizedSignal signal, ResolvedTarget target, Instant receivedAt) {
		ResourceRef owner = target.owner();
		Fingerprint fingerprint = Fingerprint.of(signal.cluster(), owner);
		if (signal.resolved()) {
			return resolve(signal, fingerprint, owner);
		}
		if (!target.managed()) {
			return new SignalOutcome.Unmanaged(fingerprint, owner);
		}
		SignalOutcome outcome = this.dedup.admit(fingerprint, owner,
				() -> create(signal, target, fingerprint, receivedAt));
		if (outcome instanceof SignalOutcome.Duplicate duplicate) {
			this.audit.deduplicated(signal, duplicate);
		}
		else if (outcome instanceof SignalOutcome.Failed failed) {
			this.audit.failed(signal, failed);
		}
		return outcome;
	}

	/**
	 * A resolved alert starts nothing; it cancels the remediation standing for its
	 * fingerprint. An unreachable engine never fails the webhook: Alertmanager sends a
	 * resolution once, so the cancellation is stored and retried by the
	 * {@link CancellationRetrier} rather than answered with a 5xx that Alertmanager would
	 * give up on after its own retries.
	 */
	private SignalOutcome resolve(NormalizedSignal signal, Fingerprint fingerprint, ResourceRef owner) {
		DedupLedger.Resolution resolution = this.dedup.resolve(fingerprint, "alert resolved: " + signal.name(),
				this.canceller, this.firstCancelRetry);
		SignalOutcome.Resolved resolved = new SignalOutcome.Resolved(fingerprint, owner, resolution.remediationId(),
				resolution.result());
		this.metrics.resolution(resolution.result());
		this.audit.resolved(signal, resolved);
		return resolved;
	}

	/** Runs under the fingerprint's lock, inside the dedup transaction. */
	private SignalOutcome create(NormalizedSignal signal, ResolvedTarget target, Fingerprint fingerprint,
			Instant receivedAt) {
		ResourceRef owner = target.owner();
		SignalContext context;
		try {
			context = this.enricher.enrich(signal, target);
		}
		catch (ClusterUnavailableException ex) {
			return new SignalOutcome.Failed(Cause.CLUSTER_UNAVAILABLE, ex.getMessage(), fingerprint, owner, null);
		}
		RemediationRoute route = this.router.route(signal, context);
		// Kubernaut falls back to the time of receipt when the source gave no start.
		Instant startsAt = (signal.startsAt() != null) ? signal.startsAt() : receivedAt;
		Signal handedOn = new Signal(signal.name(), context.severity(), context.classification().environment(),
				context.classification().priority(), signal.labels(), signal.annotations(), startsAt, signal.source());
		try {
			RemediationView remediation = this.engine.create(new CreateRemediationRequest(fingerprint.value(), handedOn,
					owner, route, context.customLabels(), context.detectedLabels()));
			SignalOutcome.Created created = new SignalOutcome.Created(fingerprint, owner, context.classification(),
					remediation.remediationId(), route);
			this.audit.created(signal, created, context);
			return created;
		}
		catch (ResourceAccessException ex) {
			return new SignalOutcome.Failed(Cause.ENGINE_UNAVAILABLE,
					"The workflow engine did not answer: " + ex.getMostSpecificCause().getMessage(), fingerprint, owner,
					null);
		}
		catch (RemoteServiceException ex) {
			// A 5xx is the engine's trouble and may pass; a 4xx means this request will
			// never be accepted.
			Cause cause = ex.status().is5xxServerError() ? Cause.ENGINE_UNAVAILABLE : Cause.ENGINE_REJECTED;
			return new SignalOutcome.Failed(cause, ex.getMessage(), fingerprint, owner, ex.status().value());
		}
		catch (RestClientException ex) {
			return new SignalOutcome.Failed(Cause.ENGINE_REJECTED,
					"The workflow engine's answer could not be read: " + ex.getMessage(), fingerprint, owner, null);
		}
	}

	private void complete(long logId, NormalizedSignal signal, SignalOutcome outcome) {
		switch (outcome.status()) {
			case CREATED -> log.info("Signal {} about {}: created remediation {} (fingerprint {})", signal.name(),
					outcome.target(), ((SignalOutcome.Created) outcome).remediationId(), outcome.fingerprint());
			case DUPLICATE -> log.debug("Signal {} about {}: duplicate of remediation {}", signal.name(),
					outcome.target(), ((SignalOutcome.Duplicate) outcome).remediationId());
			case REJECTED -> log.info("Signal {} rejected ({}): {}", signal.name(), outcome.reason(), outcome.detail());
			case IGNORED -> log.debug("Signal {} ignored ({})", signal.name(), outcome.reason());
			case FAILED -> log.warn("Signal {} failed ({}): {}", signal.name(), outcome.reason(), outcome.detail());
		}
		try {
			this.signalLog.completed(logId, outcome, this.clock.instant());
		}
		catch (DataAccessException ex) {
			// The outcome stands: answering an error after the engine accepted would make
			// Alertmanager resend.
			log.error("Could not record the outcome of signal log entry {} ({})", logId, outcome.status().code(), ex);
		}
	}

}
