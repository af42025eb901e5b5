package ai.kubernaut.gateway.intake;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import ai.kubernaut.contracts.remediation.RemediationRoute;
import ai.kubernaut.contracts.signal.ResourceRef;
import ai.kubernaut.gateway.classify.Classification;
import ai.kubernaut.gateway.signal.Fingerprint;

/**
 * What the intake did with one signal. Adapters turn it into their protocol's answer (one
 * HTTP status per signal today; one entry of a multi-status answer for batches), the
 * signal log records it, and metrics count it.
 */
public sealed interface SignalOutcome {

	Status status();

	/**
	 * Why, in snake case (e.g. {@code unmanaged_resource}); {@code null} for
	 * {@link Created}.
	 */
	String reason();

	/** The fingerprint, {@code null} when the signal got no target. */
	default Fingerprint fingerprint() {
		return null;
	}

	/** The owner-resolved target, {@code null} when none was found. */
	default ResourceRef target() {
		return null;
	}

	/** A sentence for humans, {@code null} when the status says it all. */
	default String detail() {
		return null;
	}

	enum Status {

		CREATED, DUPLICATE, REJECTED, IGNORED, FAILED;

		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * The engine accepted a remediation.
	 *
	 * @param route the routing decision handed to the engine
	 */
	record Created(Fingerprint fingerprint, ResourceRef target, Classification classification, UUID remediationId,
			RemediationRoute route) implements SignalOutcome {

		Created(Fingerprint fingerprint, ResourceRef target, Classification classification, UUID remediationId) {
			this(fingerprint, target, classification, remediationId, null);
		}

		@Override
		public Status status() {
			return Status.CREATED;
		}

		@Override
		public String reason() {
			return null;
		}

	}

	/**
	 * A remediation for the same fingerprint is still in progress, so this signal only
	 * counts as one more occurrence of it.
	 *
	 * @param count occurrences so far, this one included
	 */
	record Duplicate(Fingerprint fingerprint, ResourceRef target, UUID remediationId, long count,
			Instant firstOccurrence, Instant lastOccurrence) implements SignalOutcome {

		@Override
		public Status status() {
			return Status.DUPLICATE;
		}

		@Override
		public String reason() {
			return "duplicate";
		}

	}

	/**
	 * Nothing to do, e.g. the alert is resolved.
	 *
	 * @param fingerprint set when the target could be resolved, {@code null} otherwise
	 */
	record Ignored(String reason, String detail, Fingerprint fingerprint, ResourceRef target) implements SignalOutcome {

		Ignored(String reason, String detail) {
			this(reason, detail, null, null);
		}

		static Ignored resolved() {
			return new Ignored("resolved",
					"The alert is resolved; none of the objects it names exists, so nothing stands for it.");
		}

		@Override
		public Status status() {
			return Status.IGNORED;
		}

	}

	/**
	 * The source reported the condition as over; nothing is started, and the remediation
	 * standing for the fingerprint, if any, is cancelled.
	 *
	 * @param remediationId the remediation that stood for the fingerprint, {@code null}
	 * when there was none
	 */
	record Resolved(Fingerprint fingerprint, ResourceRef target, UUID remediationId,
			Resolution resolution) implements SignalOutcome {

		@Override
		public Status status() {
			return Status.IGNORED;
		}

		@Override
		public String reason() {
			return "resolved";
		}

		@Override
		public String detail() {
			return switch (this.resolution) {
				case CANCELLED -> "The alert is resolved: remediation " + this.remediationId + " was cancelled.";
				case ALREADY_FINISHED ->
					"The alert is resolved; remediation " + this.remediationId + " had already finished.";
				case NO_REMEDIATION -> "The alert is resolved; no remediation was in progress for it.";
				case CANCEL_PENDING -> "The alert is resolved; the workflow engine could not be reached, so "
						+ "remediation " + this.remediationId + " will be cancelled as soon as it answers.";
			};
		}

		/** What resolving did to the remediation standing for the fingerprint. */
		public enum Resolution {

			/** The engine cancelled it. */
			CANCELLED,
			/** It had already completed, failed, been skipped or been cancelled. */
			ALREADY_FINISHED,
			/** None stood (or the engine no longer knows it). */
			NO_REMEDIATION,
			/**
			 * The engine could not be asked; the cancellation is stored and retried.
			 */
			CANCEL_PENDING;

			/** As counted in {@code kubernaut_gateway_resolutions_total{outcome}}. */
			public String code() {
				return "resolved-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
			}

		}

	}

	/**
	 * The target is outside Kubernaut's scope: neither it nor its namespace is labelled
	 * managed.
	 */
	record Unmanaged(Fingerprint fingerprint, ResourceRef target) implements SignalOutcome {

		@Override
		public Status status() {
			return Status.REJECTED;
		}

		@Override
		public String reason() {
			return "unmanaged_resource";
		}

		@Override
		public String detail() {
			return this.target + " is not managed by Kubernaut: label it, or its namespace, kubernaut.ai/managed=true.";
		}

	}

	/** None of the objects the alert names exists, so there is nothing to remediate. */
	record NoTarget(List<String> lookedUp, String detail) implements SignalOutcome {

		@Override
		public Status status() {
			return Status.REJECTED;
		}

		@Override
		public String reason() {
			return "target_not_found";
		}

	}

	/** The signal could not be handled now; a retry may succeed. */
	record Failed(Cause cause, String detail, Fingerprint fingerprint, ResourceRef target,
			Integer upstreamStatus) implements SignalOutcome {

		@Override
		public Status status() {
			return Status.FAILED;
		}

		@Override
		public String reason() {
			return this.cause.name().toLowerCase(Locale.ROOT);
		}

		public enum Cause {

			/** The workflow engine did not answer, or answered 5xx. */
			ENGINE_UNAVAILABLE,
			/**
			 * The workflow engine refused the request (4xx) or answered something
			 * unreadable.
			 */
			ENGINE_REJECTED,
			/** The Kubernetes API could not answer the target lookups. */
			CLUSTER_UNAVAILABLE,
			/** The signal could not be recorded, so nothing was started. */
			SIGNAL_LOG_UNAVAILABLE

		}

	}

}
