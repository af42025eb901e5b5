package ai.kubernaut.notification.channel;

/**
 * One way of reaching people: the log, Slack, e-mail, a webhook, Teams, PagerDuty. A
 * receiver ({@code kubernaut.notification.receivers[]}) has one or more channel
 * instances, each built from its configuration by {@link ChannelFactory}; config-less
 * channels such as {@code log} are Spring beans that receivers list by name.
 * <p>
 * Contract for implementations:
 * <ul>
 * <li>{@link #send} runs <em>at least once</em> per notification and receiver: a crash or
 * an expired claim can repeat it, so a repeated send must be harmless where the medium
 * allows (use {@link Notification#id()} as idempotency key).</li>
 * <li>It returns within a bounded time, enforcing its own timeout; the delivery worker
 * has no way to interrupt it safely.</li>
 * <li>It reports failure by throwing. {@link DeliveryFailedException#permanent} marks
 * failures a retry cannot fix (rejected credentials, a 4xx other than 408/429); anything
 * else is retried with backoff, after at least the {@code Retry-After} the exception
 * carries.</li>
 * <li>It never logs or reports a secret: tokens, signing secrets, webhook URLs (their
 * path is the credential).</li>
 * </ul>
 */
public interface NotificationChannel {

	/**
	 * The channel's name: for a bean channel what receivers refer to (e.g. {@code log}),
	 * for a configured instance its name within its receiver (e.g. {@code slack}).
	 */
	String name();

	/**
	 * The kind of channel, e.g. {@code slack}, {@code email}; the {@code channel} tag of
	 * the delivery metrics.
	 */
	default String type() {
		return name();
	}

	/**
	 * Delivers {@code notification} or throws.
	 * @throws DeliveryFailedException when the channel could not deliver it
	 */
	void send(Notification notification);

}
