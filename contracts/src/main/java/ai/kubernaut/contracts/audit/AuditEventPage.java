package ai.kubernaut.contracts.audit;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A page of audit events, newest first, in Kubernaut's shape.
 */
public record AuditEventPage(List<AuditEventRecord> data, Page pagination) {

	/**
	 * @param hasMore {@code offset + limit < total}
	 */
	public record Page(int limit, int offset, long total, @JsonProperty("has_more") boolean hasMore) {

		public static Page of(int limit, int offset, long total) {
			return new Page(limit, offset, total, (long) offset + limit < total);
		}

	}

}
