package ai.kubernaut.notification.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import ai.kubernaut.contracts.notification.DeliveryStatus;
import ai.kubernaut.contracts.notification.DeliveryView;
import ai.kubernaut.contracts.notification.NotificationAction;
import ai.kubernaut.contracts.notification.NotificationType;
import ai.kubernaut.contracts.notification.NotificationView;
import ai.kubernaut.notification.channel.Notification;
import ai.kubernaut.notification.routing.Target;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox tables: {@code notification}, one {@code delivery} row per receiver channel
 * and the {@code delivery_attempt} history. Workers claim due rows with
 * {@code FOR UPDATE SKIP LOCKED}, so any number of service instances share the work
 * without sending twice, and every outcome is written only if the claim it was made under
 * is still the current one.
 */
@Repository
class OutboxRepository {

	private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {
	};

	private static final TypeReference<List<NotificationAction>> ACTIONS = new TypeReference<>() {
	};

	private static final int MAX_ERROR_LENGTH = 2000;

	private static final String NOTIFICATION_COLUMNS = """
			n.id, n.type, n.severity, n.priority, n.subject, n.body, n.fields, n.remediation_id, n.namespace,
			n.environment, n.labels, n.graph, n.actions, n.group_key, n.occurrences, n.created_at
			""";

	/**
	 * The guard of every outcome: the row is still pending under exactly the claim the
	 * worker holds.
	 */
	private static final String CLAIM_STILL_HELD = """
			 notification_id = :id and receiver = :receiver and channel = :channel and status = 'PENDING'
			  and attempts = :attempts and next_attempt_at = :leaseUntil
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	OutboxRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Stores the notification and a pending delivery per target, due at {@code due}. Call
	 * inside a transaction: all or nothing.
	 */
	void insert(Notification notification, List<Target> targets, Instant due) {
		this.jdbc.sql("""
				insert into notification (id, type, severity, priority, subject, body, fields, remediation_id,
				    namespace, environment, labels, graph, actions, group_key, occurrences, created_at)
				values (:id, :type, :severity, :priority, :subject, :body, cast(:fields as jsonb), :remediationId,
				    :namespace, :environment, cast(:labels as jsonb), :graph, cast(:actions as jsonb), :groupKey,
				    :occurrences, :createdAt)
				""")
			.param("id", notification.id())
			.param("type", notification.type().name())
			.param("severity", notification.severity())
			.param("priority", notification.priority())
			.param("subject", notification.subject())
			.param("body", notification.body())
			.param("fields", this.json.writeValueAsString(notification.fields()))
			.param("remediationId", notification.remediationId())
			.param("namespace", notification.namespace())
			.param("environment", notification.environment())
			.param("labels", this.json.writeValueAsString(notification.labels()))
			.param("graph", notification.graph())
			.param("actions", this.json.writeValueAsString(notification.actions()))
			.param("groupKey", notification.groupKey())
			.param("occurrences", notification.occurrences())
			.param("createdAt", timestamp(notification.createdAt()))
			.update();
		for (Target target : targets) {
			this.jdbc.sql("""
					insert into delivery (notification_id, receiver, channel, status, attempts, next_attempt_at)
					values (:id, :receiver, :channel, 'PENDING', 0, :due)
					""")
				.param("id", notification.id())
				.param("receiver", target.receiver())
				.param("channel", target.channel())
				.param("due", timestamp(due))
				.update();
		}
	}

	Optional<NotificationView> find(UUID id) {
		return this.jdbc.sql("select " + NOTIFICATION_COLUMNS + " from notification n where n.id = :id")
			.param("id", id)
			.query(this::notification)
			.optional()
			.map(this::withDeliveries);
	}

	/**
	 * The newest {@code limit} notifications, filtered by whatever is given: the
	 * remediation, the type, and a status at least one delivery is in.
	 */
	List<NotificationView> list(UUID remediationId, DeliveryStatus status, NotificationType type, int limit) {
		return this.jdbc.sql("select " + NOTIFICATION_COLUMNS + """
				from notification n
				where (cast(:remediationId as uuid) is null or n.remediation_id = :remediationId)
				  and (cast(:type as text) is null or n.type = :type)
				  and (cast(:status as text) is null
				       or exists (select 1 from delivery d where d.notification_id = n.id and d.status = :status))
				order by n.created_at desc, n.id
				limit :limit
				""")
			.param("remediationId", remediationId)
			.param("type", (type != null) ? type.name() : null)
			.param("status", (status != null) ? status.name() : null)
			.param("limit", limit)
			.query(this::notification)
			.list()
			.stream()
			.map(this::withDeliveries)
			.toList();
	}

	private NotificationView withDeliveries(Notification notification) {
		List<DeliveryView> deliveries = this.jdbc.sql("""
				select receiver, channel, status, attempts, last_error, last_attempt_at, next_attempt_at, delivered_at
				from delivery where notification_id = :id order by receiver, channel
				""").param("id", notification.id()).query((rs, row) -> {
			DeliveryStatus status = DeliveryStatus.valueOf(rs.getString("status"));
			return new DeliveryView(rs.getString("receiver"), rs.getString("channel"), status, rs.getInt("attempts"),
					rs.getString("last_error"), instant(rs, "last_attempt_at"),
					(status == DeliveryStatus.PENDING) ? instant(rs, "next_attempt_at") : null,
					instant(rs, "delivered_at"));
		}).list();
		return new NotificationView(notification.id(), notification.type(), notification.severity(),
				notification.subject(), notification.body(), notification.fields(), notification.remediationId(),
				OverallStatus.of(deliveries), deliveries, notification.createdAt(), notification.groupKey(),
				notification.occurrences());
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
				  and (d.notification_id, d.receiver, d.channel) in (
				      select notification_id, receiver, channel from delivery
				      where status = 'PENDING' and next_attempt_at <= :now
				      order by next_attempt_at
				      limit :limit
				      for update skip locked)
				returning d.receiver, d.channel, d.attempts, d.next_attempt_at,
				""" + NOTIFICATION_COLUMNS)
			.param("now", timestamp(now))
			.param("leaseUntil", timestamp(leaseUntil))
			.param("limit", limit)
			.query((rs, row) -> new ClaimedDelivery(notification(rs, row), rs.getString("receiver"),
					rs.getString("channel"), rs.getInt("attempts"), instant(rs, "next_attempt_at")))
			.list();
	}

	@Transactional
	boolean markDelivered(ClaimedDelivery claimed, Instant at) {
		boolean held = this.jdbc.sql("""
				update delivery
				set status = 'DELIVERED', attempts = attempts + 1, delivered_at = :at, last_attempt_at = :at,
				    next_attempt_at = null
				where""" + CLAIM_STILL_HELD).params(claim(claimed)).param("at", timestamp(at)).update() == 1;
		if (held) {
			recordAttempt(claimed, at, "DELIVERED", null, null);
		}
		return held;
	}

	@Transactional
	boolean markRetry(ClaimedDelivery claimed, String error, Instant at, Instant nextAttemptAt) {
		boolean held = this.jdbc.sql("""
				update delivery
				set attempts = attempts + 1, last_error = :error, last_attempt_at = :at, next_attempt_at = :next
				where""" + CLAIM_STILL_HELD)
			.params(claim(claimed))
			.param("error", truncate(error))
			.param("at", timestamp(at))
			.param("next", timestamp(nextAttemptAt))
			.update() == 1;
		if (held) {
			recordAttempt(claimed, at, "RETRY", error, Duration.between(at, nextAttemptAt));
		}
		return held;
	}

	/**
	 * Ends the delivery unsuccessfully: {@code FAILED} or {@code DEAD_LETTER}.
	 */
	@Transactional
	boolean markGivenUp(ClaimedDelivery claimed, DeliveryStatus status, String error, Instant at) {
		boolean held = this.jdbc.sql("""
				update delivery
				set status = :status, attempts = attempts + 1, last_error = :error, last_attempt_at = :at,
				    next_attempt_at = null
				where""" + CLAIM_STILL_HELD)
			.params(claim(claimed))
			.param("status", status.name())
			.param("error", truncate(error))
			.param("at", timestamp(at))
			.update() == 1;
		if (held) {
			recordAttempt(claimed, at, status.name(), error, null);
		}
		return held;
	}

	/**
	 * Puts a claimed delivery back, due at {@code until}, without counting an attempt: it
	 * was never tried (the receiver's rate limit held it back).
	 */
	boolean defer(ClaimedDelivery claimed, Instant until) {
		return this.jdbc.sql("update delivery set next_attempt_at = :until where" + CLAIM_STILL_HELD)
			.params(claim(claimed))
			.param("until", timestamp(until))
			.update() == 1;
	}

	/**
	 * Makes the notification's failed and dead-lettered deliveries pending again with a
	 * fresh attempt budget, due at {@code now}.
	 * @return how many deliveries were re-driven
	 */
	int redrive(UUID id, Instant now) {
		return this.jdbc.sql("""
				update delivery set status = 'PENDING', attempts = 0, next_attempt_at = :now
				where notification_id = :id and status in ('FAILED', 'DEAD_LETTER')
				""").param("id", id).param("now", timestamp(now)).update();
	}

	/**
	 * The attempts made for one delivery, oldest first.
	 */
	List<AttemptRecord> attempts(UUID id, String receiver, String channel) {
		return this.jdbc.sql("""
				select attempt, attempted_at, outcome, error, retry_delay_ms from delivery_attempt
				where notification_id = :id and receiver = :receiver and channel = :channel order by id
				""").param("id", id).param("receiver", receiver).param("channel", channel).query((rs, row) -> {
			long delay = rs.getLong("retry_delay_ms");
			return new AttemptRecord(rs.getInt("attempt"), instant(rs, "attempted_at"), rs.getString("outcome"),
					rs.getString("error"), rs.wasNull() ? null : Duration.ofMillis(delay));
		}).list();
	}

	/**
	 * Serialises grouping decisions about one group across transactions and instances,
	 * until the calling transaction ends.
	 */
	void lockGroup(String groupKey, NotificationType type) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
			.param("key", type.name() + "/" + groupKey)
			.query()
			.singleValue();
	}

	/**
	 * The latest notification of a group created at or after {@code since}: its id,
	 * creation time and whether all its deliveries are still waiting for their first
	 * attempt later than {@code now} (a held summary that can still absorb more).
	 */
	Optional<GroupHead> latestInGroup(String groupKey, NotificationType type, Instant since, Instant now) {
		return this.jdbc.sql("""
				select n.id, n.created_at,
				    not exists (select 1 from delivery d where d.notification_id = n.id
				                and (d.status <> 'PENDING' or d.attempts > 0 or d.next_attempt_at <= :now)) as open
				from notification n
				where n.group_key = :key and n.type = :type and n.created_at >= :since
				order by n.created_at desc, n.id
				limit 1
				""")
			.param("key", groupKey)
			.param("type", type.name())
			.param("since", timestamp(since))
			.param("now", timestamp(now))
			.query((rs, row) -> new GroupHead(rs.getObject("id", UUID.class), instant(rs, "created_at"),
					rs.getBoolean("open")))
			.optional();
	}

	void addOccurrence(UUID id) {
		this.jdbc.sql("update notification set occurrences = occurrences + 1 where id = :id").param("id", id).update();
	}

	/**
	 * Pending deliveries and the creation time of the oldest notification they belong to.
	 */
	Backlog backlog() {
		return this.jdbc.sql("""
				select count(*) as pending, min(n.created_at) as oldest
				from delivery d join notification n on n.id = d.notification_id
				where d.status = 'PENDING'
				""").query((rs, row) -> new Backlog(rs.getLong("pending"), instant(rs, "oldest"))).single();
	}

	long countDeliveries(DeliveryStatus status) {
		return this.jdbc.sql("select count(*) from delivery where status = :status")
			.param("status", status.name())
			.query(Long.class)
			.single();
	}

	private void recordAttempt(ClaimedDelivery claimed, Instant at, String outcome, String error, Duration delay) {
		this.jdbc.sql("""
				insert into delivery_attempt (notification_id, receiver, channel, attempt, attempted_at, outcome,
				    error, retry_delay_ms)
				values (:id, :receiver, :channel, :attempt, :at, :outcome, :error, :delay)
				""")
			.param("id", claimed.notification().id())
			.param("receiver", claimed.receiver())
			.param("channel", claimed.channel())
			.param("attempt", claimed.thisAttempt())
			.param("at", timestamp(at))
			.param("outcome", outcome)
			.param("error", (error != null) ? truncate(error) : null)
			.param("delay", (delay != null) ? delay.toMillis() : null)
			.update();
	}

	private static Map<String, Object> claim(ClaimedDelivery claimed) {
		Map<String, Object> params = new HashMap<>();
		params.put("id", claimed.notification().id());
		params.put("receiver", claimed.receiver());
		params.put("channel", claimed.channel());
		params.put("attempts", claimed.attempts());
		params.put("leaseUntil", timestamp(claimed.leaseUntil()));
		return params;
	}

	private Notification notification(ResultSet rs, int row) throws SQLException {
		return new Notification(rs.getObject("id", UUID.class), NotificationType.valueOf(rs.getString("type")),
				rs.getString("severity"), rs.getString("priority"), rs.getString("subject"), rs.getString("body"),
				this.json.readValue(rs.getString("fields"), STRINGS), rs.getObject("remediation_id", UUID.class),
				rs.getString("namespace"), rs.getString("environment"),
				this.json.readValue(rs.getString("labels"), STRINGS), rs.getString("graph"),
				this.json.readValue(rs.getString("actions"), ACTIONS), rs.getString("group_key"),
				rs.getInt("occurrences"), instant(rs, "created_at"));
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

	/**
	 * One attempt of a delivery.
	 *
	 * @param retryDelay the wait scheduled after it, for a retryable failure
	 */
	record AttemptRecord(int attempt, Instant attemptedAt, String outcome, String error, Duration retryDelay) {
	}

	record GroupHead(UUID id, Instant createdAt, boolean open) {
	}

	record Backlog(long pending, Instant oldestCreatedAt) {
	}

}
