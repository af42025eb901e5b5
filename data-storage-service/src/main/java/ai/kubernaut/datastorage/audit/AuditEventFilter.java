package ai.kubernaut.datastorage.audit;

import java.time.Instant;
import java.util.Map;

/**
 * The filters of an audit query.
 *
 * @param equalities column name to required value; column names are fixed by
 * {@link AuditController}, never request input
 * @param detailKey with {@code detailValue}: {@code event_data ->> detailKey =
 * detailValue}
 */
record AuditEventFilter(Map<String, String> equalities, Instant since, Instant until, String detailKey,
		String detailValue) {
}
