package ai.kubernaut.notification.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import ai.kubernaut.contracts.notification.DeliveryStatus;
import ai.kubernaut.contracts.notification.DeliveryView;
import ai.kubernaut.contracts.notification.NotificationType;
import ai.kubernaut.contracts.notification.NotificationView;
import ai.kubernaut.notification.channel.Notification;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox tables: {@code notification} and one {@code delivery} row per channel.
 * Workers claim due rows with {@code FOR UPDATE SKIP LOCKED}, so any number of service
 * instances share the work without sending twice, and every outcome is written only if
 * the claim it was made under is still the current one.
 */
@Repository
class OutboxRepository {

	private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
	};

	private static final int MAX_ERROR_LENGTH = 2000;

	/**
	 * The guard of every outcome: the row is still pending under exactly the claim the
	 * worker holds.
	 */
	private static final String CLAIM_STILL_HELD = """
			 notification_id = :id and channel = :channel and status = 'PENDING'
			  and attempts = :attempts and next_attempt_at = :leaseUntil
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	OutboxRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Stores the notification and a pending delivery per channel, due at once. Call
	 * inside a transaction: both or neither.
	 */
	void insert(Notification notification, List<String> channels) {
		this.jdbc.sql("""
				insert into notification (id, type, severity, subject, body, fields, remediation_id, created_at)
				values (:id, :type, :severity, :subject, :body, cast(:fields as jsonb), :remediationId, :createdAt)
				""")
			.param("id", notification.id())
			.param("type", notification.type().name())
			.param("severity", notification.severity())
			.param("subject", notification.subject())
			.param("body", notification.body())
			.param("fields", this.json.writeValueAsString(notification.fields()))
			.param("remediationId", notification.remediationId())
			.param("createdAt", timestamp(notification.createdAt()))
			.update();
		for (String channel : channels) {
			this.jdbc.sql("""
					insert into delivery (notification_id, channel, status, attempts, next_attempt_at)
					values (:id, :channel, 'PENDING', 0, :due)
					""")
				.param("id", notification.id())
				.param("channel", channel)
				.param("due", timestamp(notification.createdAt()))
				.update();
		}
	}

	Optional<NotificationView> find(UUID id) {
		return this.jdbc.sql("""
				select id, type, severity, subject, body, fields, remediation_id, created_at
				from notification where id = :id
				""").param("id", id).query(this::notification).optional().map(this::withDeliveries);
	}

	/**
	 * The newest {@code limit} notifications, only those about {@code remediationId} when
	 * it is given.
	 */
	List<NotificationView> list(UUID remediationId, int limit) {
		return this.jdbc.sql("""
				select id, type, severity, subject, body, fields, remediation_id, created_at
				from notification
				where cast(:remediationId as uuid) is null or remediation_id = :remediationId
				order by created_at desc, id
				limit :limit
				""")
			.param("remediationId", remediationId)
			.param("limit", limit)
			.query(this::notification)
			.list()
			.stream()
			.map(this::withDeliveries)
			.toList();
	}

	private NotificationView withDeliveries(Notification notification) {
		List<DeliveryView> deliveries = this.jdbc.sql("""
				select channel, status, attempts, last_error, delivered_at from delivery
				where notification_id = :id order by channel
				""")
			.param("id", notification.id())
			.query((rs, row) -> new DeliveryView(rs.getString("channel"),
					DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getString("last_error"),
					instant(rs, "delivered_at")))
			.list();
		return new NotificationView(notification.id(), notification.type(), notification.severity(),
				notification.subject(), notification.body(), notification.fields(), notification.remediationId(),
				OverallStatus.of(deliveries), deliveries, notification.createdAt());
	}

	/**
	 * Claims up to {@code limit} pending deliveries due at {@code now} until
	 * {@code leaseUntil}, earliest first. Rows another worker is claiming at this moment
	 * are skipped, not waited for.
	 */
	List<ClaimedDelivery> claimDue(Instant now, Instant leaseUntil, int limit) {
		return this.jdbc.sql("""
				update delivery d
				set next_attempt_at = :leaseUntil
				from notification n
				where n.id = d.notification_id
				  and (d.notification_id, d.channel) in (
				      select notification_id, channel from delivery
				      where status = 'PENDING' and next_attempt_at <= :now
				      order by next_attempt_at
				      limit :limit
				      for update skip locked)
				returning d.channel, d.attempts, d.next_attempt_at,
				    n.id, n.type, n.severity, n.subject, n.body, n.fields, n.remediation_id, n.created_at
				""")
			.param("now", timestamp(now))
			.param("leaseUntil", timestamp(leaseUntil))
			.param("limit", limit)
			.query((rs, row) -> new ClaimedDelivery(notification(rs, row), rs.getString("channel"),
					rs.getInt("attempts"), instant(rs, "next_attempt_at")))
			.list();
	}

	boolean markDelivered(ClaimedDelivery claimed, Instant at) {
		return this.jdbc.sql("""
				update delivery
				set status = 'DELIVERED', attempts = attempts + 1, delivered_at = :at, next_attempt_at = null
				where""" + CLAIM_STILL_HELD).params(claim(claimed)).param("at", timestamp(at)).update() == 1;
	}

	boolean markRetry(ClaimedDelivery claimed, String error, Instant nextAttemptAt) {
		return this.jdbc.sql("""
				update delivery
				set attempts = attempts + 1, last_error = :error, next_attempt_at = :next
				where""" + CLAIM_STILL_HELD)
			.params(claim(claimed))
			.param("error", truncate(error))
			.param("next", timestamp(nextAttemptAt))
			.update() == 1;
	}

	boolean markFailed(ClaimedDelivery claimed, String error) {
		return this.jdbc.sql("""
				update delivery
				set status = 'FAILED', attempts = attempts + 1, last_error = :error, next_attempt_at = null
				where""" + CLAIM_STILL_HELD).params(claim(claimed)).param("error", truncate(error)).update() == 1;
	}

	private static Map<String, Object> claim(ClaimedDelivery claimed) {
		return Map.of("id", claimed.notification().id(), "channel", claimed.channel(), "attempts", claimed.attempts(),
				"leaseUntil", timestamp(claimed.leaseUntil()));
	}

	private Notification notification(ResultSet rs, int row) throws SQLException {
		return new Notification(rs.getObject("id", UUID.class), NotificationType.valueOf(rs.getString("type")),
				rs.getString("severity"), rs.getString("subject"), rs.getString("body"),
				this.json.readValue(rs.getString("fields"), FIELDS), rs.getObject("remediation_id", UUID.class),
				instant(rs, "created_at"));
	}

	private static String truncate(String error) {
		return (error.length() <= MAX_ERROR_LENGTH) ? error : error.substring(0, MAX_ERROR_LENGTH - 1) + "…";
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
