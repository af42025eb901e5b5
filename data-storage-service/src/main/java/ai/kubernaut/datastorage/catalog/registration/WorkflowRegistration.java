package ai.kubernaut.datastorage.catalog.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import ai.kubernaut.datastorage.catalog.CatalogAuditEvents;
import ai.kubernaut.datastorage.catalog.CatalogWorkflow;
import ai.kubernaut.datastorage.catalog.WorkflowStatus;
import ai.kubernaut.support.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.support.TransactionOperations;

/**
 * Registers workflows with Kubernaut's content-integrity and version rules, each
 * registration in one transaction:
 * <ol>
 * <li>the same name, version and content as an Active row: nothing changes, the row is
 * returned ({@link Outcome#EXISTING});</li>
 * <li>the same name and version with other content: refused with 409, because a released
 * version never changes meaning;</li>
 * <li>a version that is not newer (SemVer precedence) than the Active version of the
 * name: refused with 409 naming the Active workflow. Kubernaut lets whatever is
 * registered last win, so loading an old release or an unrelated workflow that reuses a
 * name (the documentation's {@code crashloop-rollback-v1} next to the demo catalog's)
 * would silently replace what discovery returns. Going back to an older version is
 * explicit: disable the Active one, then register the older content again. Identical
 * content already stored behind the Active version (Superseded or Disabled) is answered
 * 200 unchanged, so re-applying a directory that holds several versions is idempotent
 * (Kubernaut would flip the latest version back to the old one);</li>
 * <li>content registered before whose row is Disabled or Superseded: that row becomes the
 * Active latest version again ({@link Outcome#REENABLED}, {@link Outcome#REACTIVATED});
 * Deprecated or Archived rows are final (409);</li>
 * <li>otherwise a new row, which becomes the Active latest version
 * ({@link Outcome#CREATED}).</li>
 * </ol>
 * Whatever becomes Active, every other Active version of the name becomes Superseded in
 * the same transaction, so a name has at most one Active version and exactly one latest
 * version; a newer version supersedes the Active one, as in Kubernaut.
 */
class WorkflowRegistration {

	private static final Logger log = LoggerFactory.getLogger(WorkflowRegistration.class);

	private final RegistrationStore store;

	private final TransactionOperations transactions;

	private final Clock clock;

	private final AuditTrail audit;

	WorkflowRegistration(RegistrationStore store, TransactionOperations transactions, Clock clock, AuditTrail audit) {
		this.store = store;
		this.transactions = transactions;
		this.clock = clock;
		this.audit = audit;
	}

	Registered register(WorkflowManifest workflow, String content, String registeredBy) {
		WorkflowIdentity identity = WorkflowIdentity.of(content);
		Registered registered = this.transactions.execute((status) -> {
			this.store.lockWorkflowName(workflow.name());
			Optional<CatalogWorkflow> sameVersion = this.store.findActive(workflow.name(), workflow.version());
			if (sameVersion.isPresent()) {
				if (sameVersion.get().contentHash().equals(identity.contentHash())) {
					return new Registered(Outcome.EXISTING, sameVersion.get(), List.of());
				}
				throw new ContentIntegrityViolationException(workflow.name(), workflow.version(),
						sameVersion.get().workflowId());
			}
			Optional<CatalogWorkflow> sameContent = this.store.findById(identity.workflowId());
			Optional<CatalogWorkflow> notOlder = notOlderActiveVersion(workflow);
			if (notOlder.isPresent()) {
				if (sameContent.isPresent() && (sameContent.get().workflowStatus() == WorkflowStatus.SUPERSEDED
						|| sameContent.get().workflowStatus() == WorkflowStatus.DISABLED)) {
					// Already in the catalog, behind a newer version: a GitOps resync of
					// a directory holding both versions changes nothing.
					return new Registered(Outcome.EXISTING, sameContent.get(), List.of());
				}
				throw new WorkflowVersionConflictException(workflow.name(), workflow.version(), notOlder.get());
			}
			Instant now = this.clock.instant();
			Outcome outcome = sameContent.map((row) -> returningOutcome(row, workflow)).orElse(Outcome.CREATED);
			String previousVersion = this.store.findLatest(workflow.name())
				.map(CatalogWorkflow::version)
				.filter((version) -> !version.equals(workflow.version()))
				.orElse(null);
			List<String> superseded = this.store.supersedeOtherVersions(workflow.name(), workflow.version(),
					registeredBy, now);
			this.store.clearLatestVersion(workflow.name(), now);
			if (sameContent.isPresent()) {
				this.store.reactivate(identity.workflowId(),
						((outcome == Outcome.REENABLED) ? "re-enabled" : "reactivated") + ": registered again by "
								+ registeredBy,
						registeredBy, now);
			}
			else {
				this.store.insert(workflow, content, identity, previousVersion, registeredBy, now);
			}
			CatalogWorkflow stored = this.store.findById(identity.workflowId()).orElseThrow();
			// In the registration's transaction: Kubernaut writes this event
			// synchronously,
			// and it must not outlive a rolled-back registration.
			this.audit.record(CatalogAuditEvents.event(
					(outcome == Outcome.CREATED) ? "datastorage.workflow.created" : "datastorage.workflow.updated",
					"workflow", outcome.name().toLowerCase(Locale.ROOT), "success", null, registeredBy, "workflow",
					stored.workflowId().toString(), stored.workflowName(), now,
					Map.of("workflow_id", stored.workflowId().toString(), "workflow_name", stored.workflowName(),
							"version", stored.version(), "action_type", stored.actionType(), "content_hash",
							stored.contentHash(), "outcome", outcome.name().toLowerCase(Locale.ROOT),
							"superseded_versions", superseded)));
			return new Registered(outcome, stored, superseded);
		});
		if (registered.outcome() != Outcome.EXISTING) {
			log.info("Workflow {} version {} {} by {} as {}; superseded versions: {}", workflow.name(),
					workflow.version(), registered.outcome().name().toLowerCase(Locale.ROOT), registeredBy,
					identity.workflowId(), registered.supersededVersions());
		}
		return registered;
	}

	private Optional<CatalogWorkflow> notOlderActiveVersion(WorkflowManifest workflow) {
		SemanticVersion registering = SemanticVersion.parse(workflow.version());
		return this.store.findActive(workflow.name())
			.stream()
			.filter((active) -> !registering.isNewerThan(SemanticVersion.parse(active.version())))
			.findFirst();
	}

	private static Outcome returningOutcome(CatalogWorkflow row, WorkflowManifest workflow) {
		return switch (row.workflowStatus()) {
			case DISABLED -> Outcome.REENABLED;
			case SUPERSEDED -> Outcome.REACTIVATED;
			// An Active row with this content has this name and version, which was
			// answered above.
			case ACTIVE -> throw new IllegalStateException(
					"Active row " + row.workflowId() + " was not found by name and version");
			case DEPRECATED, ARCHIVED -> throw new WorkflowStatusConflictException(workflow.name(), workflow.version(),
					row.workflowId(), row.status());
		};
	}

	/**
	 * What a registration did.
	 */
	enum Outcome {

		/** A new row; it is the Active latest version. */
		CREATED(true),
		/** Identical content was already Active; nothing changed. */
		EXISTING(false),
		/** Identical content was Disabled and is Active again. */
		REENABLED(false),
		/**
		 * Identical content had been Superseded and is the Active latest version again.
		 */
		REACTIVATED(true);

		private final boolean created;

		Outcome(boolean created) {
			this.created = created;
		}

		/**
		 * Whether the answer is 201 (Kubernaut answers 200 for existing and re-enabled
		 * rows).
		 */
		boolean created() {
			return this.created;
		}

	}

	/**
	 * @param workflow the row as it is now
	 * @param supersededVersions other versions of the name that this registration
	 * superseded
	 */
	record Registered(Outcome outcome, CatalogWorkflow workflow, List<String> supersededVersions) {
	}

}
