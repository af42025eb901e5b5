package ai.kubernaut.engine.nativecatalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import ai.kubernaut.support.problem.RemoteServiceException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.ProblemDetail;
import org.springframework.web.client.RestClientException;

/**
 * Registers the native workflows the catalog does not hold yet, one pass at a time, so
 * that a caller can repeat passes while data-storage is unreachable.
 * <p>
 * A workflow counts as present when the catalog has its name and version in any status:
 * an operator who disabled a native workflow keeps it disabled across engine restarts
 * (registering the same content again would re-enable it). Registration itself is
 * idempotent in data-storage, so two engine replicas starting together at worst both
 * register the same content and get the same row.
 */
final class NativeCatalogRegistration {

	private static final Logger log = LoggerFactory.getLogger(NativeCatalogRegistration.class);

	/** More versions of one name than any operator keeps. */
	private static final int LISTING_LIMIT = 100;

	private final CatalogRegistrationApi catalog;

	private final MeterRegistry meters;

	private final Map<String, NativeWorkflow> pending = new ConcurrentHashMap<>();

	private final Map<String, String> lastFailure = new ConcurrentHashMap<>();

	NativeCatalogRegistration(List<NativeWorkflow> workflows, CatalogRegistrationApi catalog, MeterRegistry meters) {
		this.catalog = catalog;
		this.meters = meters;
		workflows.forEach((workflow) -> this.pending.put(workflow.label(), workflow));
		Gauge.builder("kubernaut.native.catalog.pending", this.pending, Map::size)
			.description("Native workflows the engine has not yet registered or found in the catalog")
			.register(meters);
	}

	/**
	 * Tries every workflow still pending once.
	 * @return whether nothing is left to try: every workflow is registered, present or
	 * rejected for good
	 */
	boolean attempt() {
		for (NativeWorkflow workflow : List.copyOf(this.pending.values())) {
			Outcome outcome = registerIfMissing(workflow);
			count(outcome);
			if (outcome != Outcome.RETRY) {
				this.pending.remove(workflow.label());
				this.lastFailure.remove(workflow.label());
			}
		}
		return this.pending.isEmpty();
	}

	/**
	 * The workflows a later pass must try again, with why the last try failed.
	 */
	Map<String, String> pending() {
		Map<String, String> pending = new TreeMap<>();
		this.pending.keySet().forEach((label) -> pending.put(label, this.lastFailure.getOrDefault(label, "")));
		return pending;
	}

	/**
	 * Stops trying: what is still pending is logged and counted as given up.
	 */
	void giveUp() {
		Map<String, String> left = pending();
		left.forEach((label, why) -> {
			log.error("Gave up registering native workflow {} in the catalog: {}", label, why);
			count(Outcome.GAVE_UP);
		});
		this.pending.clear();
	}

	private Outcome registerIfMissing(NativeWorkflow workflow) {
		try {
			boolean present = this.catalog.list(workflow.name(), LISTING_LIMIT)
				.workflows()
				.stream()
				.anyMatch((entry) -> workflow.version().equals(entry.version()));
			if (present) {
				log.debug("Native workflow {} is already in the catalog", workflow.label());
				return Outcome.PRESENT;
			}
			CatalogRegistrationApi.Entry entry = this.catalog.register(workflow.content());
			log.info("Registered native workflow {} ({}) in the catalog as {}", workflow.label(), workflow.actionType(),
					entry.workflowId());
			return Outcome.REGISTERED;
		}
		catch (RemoteServiceException ex) {
			String why = describe(ex);
			if (retryable(ex)) {
				this.lastFailure.put(workflow.label(), why);
				return Outcome.RETRY;
			}
			log.error("data-storage refused native workflow {} from {}; it will not be registered: {}",
					workflow.label(), workflow.file(), why);
			return Outcome.REJECTED;
		}
		catch (RestClientException ex) {
			this.lastFailure.put(workflow.label(), "data-storage unreachable: " + ex.getMessage());
			return Outcome.RETRY;
		}
	}

	/**
	 * Transient: data-storage is overloaded or failing, or it does not know the
	 * workflow's action type yet (action types are registered separately, possibly after
	 * the engine started). Anything else (a malformed workflow, a token without the write
	 * role, another content under the same version) will not change by trying again.
	 */
	static boolean retryable(RemoteServiceException ex) {
		int status = ex.status().value();
		if (status >= 500 || status == 408 || status == 429) {
			return true;
		}
		return status == 400 && describe(ex).contains("action type taxonomy");
	}

	private static String describe(RemoteServiceException ex) {
		ProblemDetail problem = ex.problem();
		if (problem == null) {
			return ex.getMessage();
		}
		List<String> parts = new ArrayList<>();
		parts.add(ex.status().value() + " " + problem.getTitle());
		if (problem.getDetail() != null) {
			parts.add(problem.getDetail());
		}
		if (problem.getProperties() != null && problem.getProperties().get("errors") != null) {
			parts.add(String.valueOf(problem.getProperties().get("errors")));
		}
		return String.join(": ", parts);
	}

	private void count(Outcome outcome) {
		Counter.builder("kubernaut.native.catalog.registrations")
			.description("Native workflow registration attempts at start-up, by outcome")
			.tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
			.register(this.meters)
			.increment();
	}

	enum Outcome {

		/** Registered now. */
		REGISTERED,
		/** The catalog already had this name and version. */
		PRESENT,
		/** Refused for a reason trying again cannot fix. */
		REJECTED,
		/** Failed for a reason that may pass; tried again in the next pass. */
		RETRY,
		/** Still failing when the passes ran out. */
		GAVE_UP

	}

}
