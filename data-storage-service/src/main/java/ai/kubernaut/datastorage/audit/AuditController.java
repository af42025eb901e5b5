package ai.kubernaut.datastorage.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.kubernaut.contracts.audit.AuditApi;
import ai.kubernaut.contracts.audit.AuditEvent;
import ai.kubernaut.contracts.audit.AuditEventAck;
import ai.kubernaut.contracts.audit.AuditEventPage;
import ai.kubernaut.contracts.audit.AuditQueryApi;
import ai.kubernaut.contracts.audit.ChainVerification;
import ai.kubernaut.contracts.audit.ChainVerificationRequest;
import ai.kubernaut.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Kubernaut's audit write, query and chain verification endpoints. The recorded sender is
 * the authenticated caller, whatever the event claims as its actor.
 */
@RestController
class AuditController implements AuditApi, AuditQueryApi {

	static final int MAX_BATCH = 500;

	static final int DEFAULT_LIMIT = 50;

	static final int MAX_LIMIT = 1000;

	private static final Pattern RELATIVE = Pattern.compile("^(\\d{1,6})([smhd])$");

	private final AuditStore store;

	private final TransactionOperations transactions;

	private final AuditMetrics metrics;

	private final Clock clock;

	AuditController(AuditStore store, TransactionOperations transactions, AuditMetrics metrics, Clock clock) {
		this.store = store;
		this.transactions = transactions;
		this.metrics = metrics;
		this.clock = clock;
	}

	@Override
	@ResponseStatus(HttpStatus.CREATED)
	public AuditEventAck record(AuditEvent event) {
		return recordBatch(List.of(event)).get(0);
	}

	@Override
	@ResponseStatus(HttpStatus.CREATED)
	public List<AuditEventAck> recordBatch(List<AuditEvent> events) {
		if (events.isEmpty() || events.size() > MAX_BATCH) {
			String message = "must hold 1 to " + MAX_BATCH + " events, held " + events.size();
			throw validation("events", message);
		}
		String caller = caller();
		Instant now = this.clock.instant();
		List<AuditEventAck> acks = this.transactions
			.execute((status) -> events.stream().map((event) -> this.store.append(event, caller, now)).toList());
		this.metrics.recorded(events.size());
		return acks;
	}

	@Override
	public AuditEventPage queryEvents(String eventType, String eventCategory, String eventOutcome, String severity,
			String correlationId, String since, String until, Integer limit, Integer offset, String detailKey,
			String detailValue) {
		int pageLimit = (limit != null) ? limit : DEFAULT_LIMIT;
		if (pageLimit < 1 || pageLimit > MAX_LIMIT) {
			throw validation("limit", "must be between 1 and " + MAX_LIMIT + ", was " + pageLimit);
		}
		if ((detailKey == null) != (detailValue == null)) {
			throw validation((detailKey == null) ? "detail_key" : "detail_value",
					"is required together with " + ((detailKey == null) ? "detail_value" : "detail_key"));
		}
		Map<String, String> equalities = new LinkedHashMap<>();
		putIfPresent(equalities, "event_type", eventType);
		putIfPresent(equalities, "event_category", eventCategory);
		putIfPresent(equalities, "event_outcome", eventOutcome);
		putIfPresent(equalities, "severity", severity);
		putIfPresent(equalities, "correlation_id", correlationId);
		AuditEventFilter filter = new AuditEventFilter(equalities, since("since", since), instant("until", until),
				detailKey, detailValue);
		return this.store.query(filter, pageLimit, (offset != null) ? Math.max(offset, 0) : 0);
	}

	@Override
	public ChainVerification verifyChain(ChainVerificationRequest request) {
		String correlationId = (request != null && request.correlationId() != null
				&& !request.correlationId().isBlank()) ? request.correlationId() : null;
		ChainVerification verification = this.store.verify(correlationId);
		this.metrics.verified(verification);
		return verification;
	}

	private Instant since(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		Matcher relative = RELATIVE.matcher(value.strip());
		if (relative.matches()) {
			long amount = Long.parseLong(relative.group(1));
			Duration back = switch (relative.group(2)) {
				case "s" -> Duration.ofSeconds(amount);
				case "m" -> Duration.ofMinutes(amount);
				case "h" -> Duration.ofHours(amount);
				default -> Duration.ofDays(amount);
			};
			return this.clock.instant().minus(back);
		}
		return instant(field, value);
	}

	private static Instant instant(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value.strip()).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw validation(field, "must be an RFC 3339 time"
					+ ("since".equals(field) ? " or a duration such as 24h" : "") + ", was '" + value + "'");
		}
	}

	private static void putIfPresent(Map<String, String> map, String column, String value) {
		if (value != null && !value.isBlank()) {
			map.put(column, value.strip());
		}
	}

	private static String caller() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null) ? authentication.getName() : "unknown";
	}

	private static ApiProblemException validation(String field, String message) {
		return new ApiProblemException(HttpStatus.BAD_REQUEST, "validation-error", "Validation Error",
				"'" + field + "' " + message + ".")
			.with("errors", List.of(Map.of("field", field, "message", message)));
	}

}
