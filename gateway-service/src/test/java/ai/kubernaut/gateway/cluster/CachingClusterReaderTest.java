package ai.kubernaut.gateway.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import ai.kubernaut.contracts.signal.ResourceRef;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CachingClusterReaderTest {

	private static final ClusterObject CHECKOUT = new ClusterObject(
			new ResourceRef("Deployment", "demo-shop", "checkout"), Map.of("app", "checkout"), List.of());

	private final CountingReader cluster = new CountingReader();

	private Instant now = Instant.parse("2026-06-02T11:00:00Z");

	private final CachingClusterReader reader = new CachingClusterReader(this.cluster, Duration.ofSeconds(5), 100,
			new Clock() {

				@Override
				public Instant instant() {
					return CachingClusterReaderTest.this.now;
				}

				@Override
				public ZoneOffset getZone() {
					return ZoneOffset.UTC;
				}

				@Override
				public Clock withZone(ZoneId zone) {
					return this;
				}

			});

	@Test
	void answersARepeatedQuestionFromMemoryUntilTheEntryExpires() {
		this.cluster.present = true;

		this.reader.find("Deployment", "demo-shop", "checkout");
		this.reader.find("Deployment", "demo-shop", "checkout");
		assertThat(this.cluster.finds).hasValue(1);

		this.now = this.now.plusSeconds(6);
		this.reader.find("Deployment", "demo-shop", "checkout");
		assertThat(this.cluster.finds).hasValue(2);
	}

	@Test
	void asksAgainAboutAnObjectThatWasAbsent() {
		this.reader.find("Deployment", "demo-shop", "checkout");
		this.cluster.present = true;

		assertThat(this.reader.find("Deployment", "demo-shop", "checkout")).contains(CHECKOUT);
		assertThat(this.cluster.finds).hasValue(2);
	}

	@Test
	void passesOnAFailureWithoutRememberingIt() {
		this.cluster.failing = true;

		assertThatExceptionOfType(ClusterUnavailableException.class)
			.isThrownBy(() -> this.reader.find("Deployment", "demo-shop", "checkout"));
		this.cluster.failing = false;
		this.cluster.present = true;

		assertThat(this.reader.find("Deployment", "demo-shop", "checkout")).contains(CHECKOUT);
	}

	private static final class CountingReader implements ClusterReader {

		final AtomicInteger finds = new AtomicInteger();

		volatile boolean present;

		volatile boolean failing;

		@Override
		public boolean canRead(String kind) {
			return true;
		}

		@Override
		public Optional<ClusterObject> find(String kind, String namespace, String name) {
			this.finds.incrementAndGet();
			if (this.failing) {
				throw new ClusterUnavailableException("down", null);
			}
			return this.present ? Optional.of(CHECKOUT) : Optional.empty();
		}

		@Override
		public List<ClusterObject> list(String kind, String namespace) {
			return List.of();
		}

		@Override
		public Optional<Map<String, String>> namespaceLabels(String namespace) {
			return Optional.empty();
		}

	}

}
