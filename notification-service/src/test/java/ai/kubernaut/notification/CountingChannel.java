package ai.kubernaut.notification;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import ai.kubernaut.notification.channel.Notification;
import ai.kubernaut.notification.channel.NotificationChannel;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A channel that always succeeds and counts how often each notification came through.
 */
public final class CountingChannel implements NotificationChannel {

	public static final String NAME = "counting";

	private final Map<UUID, AtomicInteger> sends = new ConcurrentHashMap<>();

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public void send(Notification notification) {
		this.sends.computeIfAbsent(notification.id(), (id) -> new AtomicInteger()).incrementAndGet();
	}

	public int sends(UUID notification) {
		AtomicInteger count = this.sends.get(notification);
		return (count != null) ? count.get() : 0;
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		CountingChannel countingChannel() {
			return new CountingChannel();
		}

	}

}
