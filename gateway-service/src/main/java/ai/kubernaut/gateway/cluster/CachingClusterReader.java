package ai.kubernaut.gateway.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Remembers what the API server answered for a short time, because an alert storm asks
 * the same questions (this Pod's owner, this namespace's labels) hundreds of times a
 * second and the answers change on the scale of rollouts, not milliseconds.
 *
 * <p>
 * Only objects that exist are remembered: an absent object is asked again next time, so
 * an alert about a Pod created a moment ago is not rejected from a stale "not found".
 * Entries live {@code ttl}; the cache holds at most {@code maxEntries} and is cleared
 * when full rather than tracking recency, which is cheap and good enough for a cache this
 * short-lived. Requests that miss the same key together share one read.
 */
class CachingClusterReader implements ClusterReader {

	private final ClusterReader delegate;

	private final Duration ttl;

	private final int maxEntries;

	private final Clock clock;

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	CachingClusterReader(ClusterReader delegate, Duration ttl, int maxEntries, Clock clock) {
		this.delegate = delegate;
		this.ttl = ttl;
		this.maxEntries = maxEntries;
		this.clock = clock;
	}

	@Override
	public boolean canRead(String kind) {
		return this.delegate.canRead(kind);
	}

	@Override
	public Optional<ClusterObject> find(String kind, String namespace, String name) {
		return cached("find/" + kind + "/" + namespace + "/" + name, () -> this.delegate.find(kind, namespace, name),
				Optional::isPresent);
	}

	@Override
	public List<ClusterObject> list(String kind, String namespace) {
		return cached("list/" + kind + "/" + namespace, () -> this.delegate.list(kind, namespace), (list) -> true);
	}

	@Override
	public Optional<Map<String, String>> namespaceLabels(String namespace) {
		return cached("ns/" + namespace, () -> this.delegate.namespaceLabels(namespace), Optional::isPresent);
	}

	@SuppressWarnings("unchecked")
	private <T> T cached(String key, Supplier<T> read, Predicate<T> worthKeeping) {
		Instant now = this.clock.instant();
		Entry entry = this.entries.get(key);
		if (entry != null && entry.expiresAt().isAfter(now)) {
			return (T) await(entry.value());
		}
		// Single flight: of the requests that miss together, one reads and the others
		// wait
		// for its answer, so an expiring entry does not send a burst to the API server.
		CompletableFuture<Object> mine = new CompletableFuture<>();
		Entry fresh = new Entry(mine, now.plus(this.ttl));
		Entry current = (entry != null) ? (this.entries.replace(key, entry, fresh) ? fresh : this.entries.get(key))
				: this.entries.putIfAbsent(key, fresh);
		if (current == null) {
			current = fresh;
		}
		if (current != fresh) {
			return (T) await(current.value());
		}
		if (this.entries.size() > this.maxEntries) {
			this.entries.clear();
			this.entries.put(key, fresh);
		}
		try {
			T value = read.get();
			mine.complete(value);
			if (!worthKeeping.test(value)) {
				this.entries.remove(key, fresh);
			}
			return value;
		}
		catch (RuntimeException ex) {
			mine.completeExceptionally(ex);
			this.entries.remove(key, fresh);
			throw ex;
		}
	}

	private static Object await(CompletableFuture<Object> value) {
		try {
			return value.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	private record Entry(CompletableFuture<Object> value, Instant expiresAt) {
	}

}
