package ai.kubernaut.notification.channel;

/**
 * One way of reaching people: the log, a chat, e-mail, a webhook. Each implementation is
 * a Spring bean; {@code kubernaut.notification.channels} selects which of them
 * notifications go to.
 * <p>
 * Contract for implementations:
 * <ul>
 * <li>{@link #send} runs <em>at least once</em> per notification: a crash or an expired
 * claim can repeat it, so a repeated send must be harmless where the medium allows (use
 * {@link Notification#id()} as idempotency key).</li>
 * <li>It returns within a bounded time, enforcing its own timeout; the delivery worker
 * has no way to interrupt it safely.</li>
 * <li>It reports failure by throwing. {@link DeliveryFailedException#permanent} marks
 * failures a retry cannot fix (rejected credentials, a 4xx other than 408/429); anything
 * else is retried with backoff.</li>
 * </ul>
 */
public interface NotificationChannel {

	/**
	 * The name configuration refers to, lower case, e.g. {@code log} or {@code slack}.
	 * Unique among channels.
	 */
	String name();

	/**
	 * Delivers {@code notification} or throws.
	 * @throws DeliveryFailedException when the channel could not deliver it
	 */
	void send(Notification notification);

}
