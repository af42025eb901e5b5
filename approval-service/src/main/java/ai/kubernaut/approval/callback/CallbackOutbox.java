package ai.kubernaut.approval.callback;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import ai.kubernaut.contracts.approval.ApprovalCallback;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Callbacks waiting to be delivered, in {@code callback_outbox}. {@link #enqueue} must
 * run in the transaction that makes the decision final, so a decision is never final
 * without its callback and never called back without being final.
 */
@Repository
public class CallbackOutbox {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	CallbackOutbox(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	public void enqueue(URI url, ApprovalCallback callback) {
		OffsetDateTime now = this.clock.instant().atOffset(ZoneOffset.UTC);
		this.jdbc.sql("""
				insert into callback_outbox (approval_id, url, payload, created_at, next_attempt_at)
				values (:approvalId, :url, cast(:payload as jsonb), :now, :now)
				on conflict (approval_id) do nothing
				""")
			.param("approvalId", callback.approvalId())
			.param("url", url.toString())
			.param("payload", this.json.writeValueAsString(callback))
			.param("now", now)
			.update();
	}

	/**
	 * Claims up to {@code limit} due callbacks by pushing their next attempt to
	 * {@code leaseUntil}, so a crash mid-delivery only delays them, and no other
	 * dispatcher sends them meanwhile.
	 */
	List<PendingCallback> claimDue(Instant now, Instant leaseUntil, int limit) {
		return this.jdbc.sql("""
				update callback_outbox set next_attempt_at = :leaseUntil
				where id in (
				    select id from callback_outbox
				    where delivered_at is null and next_attempt_at <= :now
				    order by next_attempt_at
				    limit :limit
				    for update skip locked)
				returning id, approval_id, url, payload::text as payload, attempts
				""")
			.param("now", now.atOffset(ZoneOffset.UTC))
			.param("leaseUntil", leaseUntil.atOffset(ZoneOffset.UTC))
			.param("limit", limit)
			.query(this::map)
			.list();
	}

	void delivered(long id, Instant at) {
		this.jdbc.sql("""
				update callback_outbox set delivered_at = :at, attempts = attempts + 1, last_error = null
				where id = :id""").param("id", id).param("at", at.atOffset(ZoneOffset.UTC)).update();
	}

	void failed(long id, Instant nextAttempt, String error) {
		this.jdbc.sql("""
				update callback_outbox
				set attempts = attempts + 1, next_attempt_at = :next, last_error = :error
				where id = :id""")
			.param("id", id)
			.param("next", nextAttempt.atOffset(ZoneOffset.UTC))
			.param("error", (error.length() > 2000) ? error.substring(0, 2000) : error)
			.update();
	}

	/**
	 * The delivery state of the callback of one approval, if it has one.
	 */
	public Optional<Delivery> delivery(java.util.UUID approvalId) {
		return this.jdbc
			.sql("select attempts, last_error, delivered_at from callback_outbox where approval_id = :approvalId")
			.param("approvalId", approvalId)
			.query((rs, row) -> {
				OffsetDateTime delivered = rs.getObject("delivered_at", OffsetDateTime.class);
				return new Delivery(rs.getInt("attempts"), rs.getString("last_error"),
						(delivered != null) ? delivered.toInstant() : null);
			})
			.optional();
	}

	private PendingCallback map(ResultSet rs, int row) throws SQLException {
		return new PendingCallback(rs.getLong("id"), rs.getObject("approval_id", java.util.UUID.class),
				URI.create(rs.getString("url")), rs.getString("payload"), rs.getInt("attempts"));
	}

	record PendingCallback(long id, java.util.UUID approvalId, URI url, String payload, int attempts) {
	}

	/**
	 * How delivery of one callback went so far.
	 */
	public record Delivery(int attempts, String lastError, Instant deliveredAt) {

		public boolean isDelivered() {
			return this.deliveredAt != null;
		}

	}

}
