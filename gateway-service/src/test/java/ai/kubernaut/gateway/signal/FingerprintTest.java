package ai.kubernaut.gateway.signal;

import ai.kubernaut.contracts.signal.ResourceRef;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Expected values come from {@code printf '<input>' | sha256sum}, independent of this
 * code.
 */
class FingerprintTest {

	private static final ResourceRef CHECKOUT = new ResourceRef("Deployment", "demo", "checkout");

	@Test
	void isTheSha256OfNamespaceOwnerKindAndOwnerName() {
		assertThat(Fingerprint.of(null, CHECKOUT).value())
			// printf 'demo:Deployment:checkout' | sha256sum
			.isEqualTo("d8c661dcfb1d6372592144aa0f8dfb96216002eb435d6b14ef267f8e5bdb7b4b");
	}

	@Test
	void prefixesTheClusterInsideTheHash() {
		assertThat(Fingerprint.of("prod-eu-1", new ResourceRef("Deployment", "demo-shop", "checkout")).value())
			// printf 'prod-eu-1:demo-shop:Deployment:checkout' | sha256sum
			.isEqualTo("20c21649d287b351f78379d1615dfc19e08e5f14cc5bc830778173c6135f0370");
	}

	@Test
	void treatsABlankClusterAsNoCluster() {
		assertThat(Fingerprint.of("  ", CHECKOUT)).isEqualTo(Fingerprint.of(null, CHECKOUT));
	}

	@Test
	void distinguishesOwnerKinds() {
		assertThat(Fingerprint.of(null, new ResourceRef("StatefulSet", "demo-shop", "orders-db")).value())
			// printf 'demo-shop:StatefulSet:orders-db' | sha256sum
			.isEqualTo("f5ad7e6fcda55170193e02964a0a9890124133b30426f89b26841dc9d7ed8b20");
	}

}
