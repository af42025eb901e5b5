package ai.kubernaut.engine.nativecatalog;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Runs the native catalog registration in the background once the engine has started:
 * start-up never waits for data-storage. Passes repeat with exponential backoff while
 * workflows are pending, at most {@code maxAttempts} times.
 */
final class NativeCatalogStartup implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(NativeCatalogStartup.class);

	private final NativeCatalogRegistration registration;

	private final NativeCatalogProperties properties;

	private volatile ScheduledExecutorService scheduler;

	NativeCatalogStartup(NativeCatalogRegistration registration, NativeCatalogProperties properties) {
		this.registration = registration;
		this.properties = properties;
	}

	@Override
	public synchronized void start() {
		if (this.scheduler != null) {
			return;
		}
		this.scheduler = Executors.newSingleThreadScheduledExecutor(
				Thread.ofPlatform().daemon().name("native-catalog-registration").factory());
		this.scheduler.execute(() -> pass(1));
	}

	private void pass(int attempt) {
		boolean done;
		try {
			done = this.registration.attempt();
		}
		catch (RuntimeException ex) {
			log.error("Native catalog registration pass {} failed", attempt, ex);
			done = false;
		}
		if (done) {
			log.info("Native catalog registration finished after {} pass(es)", attempt);
			return;
		}
		if (attempt >= this.properties.maxAttempts()) {
			this.registration.giveUp();
			return;
		}
		Duration pause = backoff(attempt, this.properties.initialBackoff(), this.properties.maxBackoff());
		Map<String, String> pending = this.registration.pending();
		Map.Entry<String, String> first = pending.entrySet().iterator().next();
		log.warn("{} native workflow(s) not registered yet, trying again in {} (attempt {} of {}); {}: {}",
				pending.size(), pause, attempt, this.properties.maxAttempts(), first.getKey(), first.getValue());
		ScheduledExecutorService current = this.scheduler;
		if (current != null && !current.isShutdown()) {
			current.schedule(() -> pass(attempt + 1), pause.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	/**
	 * {@code initial · 2^(attempt−1)}, at most {@code max}.
	 */
	static Duration backoff(int attempt, Duration initial, Duration max) {
		Duration pause = initial;
		for (int i = 1; i < attempt && pause.compareTo(max) < 0; i++) {
			pause = pause.multipliedBy(2);
		}
		return (pause.compareTo(max) > 0) ? max : pause;
	}

	@Override
	public synchronized void stop() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.scheduler = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

}
