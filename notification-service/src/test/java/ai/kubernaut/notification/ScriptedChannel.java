package ai.kubernaut.notification;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import ai.kubernaut.notification.channel.DeliveryFailedException;
import ai.kubernaut.notification.channel.Notification;
import ai.kubernaut.notification.channel.NotificationChannel;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A channel whose failures each notification scripts through its field
 * {@value #FAILURES}: a number fails that many attempts and then succeeds, {@code always}
 * fails every attempt, {@code permanent} fails once and for good. Without the field it
 * always succeeds.
 */
public final class ScriptedChannel implements NotificationChannel {

	public static final String NAME = "scripted";

	public static final String FAILURES = "scripted.failures";

	private final Map<UUID, AtomicInteger> calls = new ConcurrentHashMap<>();

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public void send(Notification notification) {
		int call = this.calls.computeIfAbsent(notification.id(), (id) -> new AtomicInteger()).incrementAndGet();
		String script = notification.fields().getOrDefault(FAILURES, "0");
		switch (script) {
			case "always" -> throw DeliveryFailedException.retryable("simulated outage (call " + call + ")", null);
			case "permanent" -> throw DeliveryFailedException.permanent("simulated 403 invalid_auth", null);
			default -> {
				if (call <= Integer.parseInt(script)) {
					throw new IllegalStateException("simulated connection reset (call " + call + ")");
				}
			}
		}
	}

	/**
	 * How often {@code notification} was sent through this channel, successfully or not.
	 */
	public int calls(UUID notification) {
		AtomicInteger count = this.calls.get(notification);
		return (count != null) ? count.get() : 0;
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		ScriptedChannel scriptedChannel() {
			return new ScriptedChannel();
		}

	}

}
