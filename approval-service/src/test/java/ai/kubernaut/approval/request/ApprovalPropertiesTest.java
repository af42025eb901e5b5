package ai.kubernaut.approval.request;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ApprovalPropertiesTest {

	@Test
	void acceptsExpiriesWithinTheBoundsInclusive() {
		ApprovalProperties properties = properties(Duration.ofMinutes(15));

		assertThat(properties.allowsExpiry(Duration.ofMinutes(1))).isTrue();
		assertThat(properties.allowsExpiry(Duration.ofHours(24))).isTrue();
		assertThat(properties.allowsExpiry(Duration.ofSeconds(59))).isFalse();
		assertThat(properties.allowsExpiry(Duration.ofHours(24).plusSeconds(1))).isFalse();
	}

	@Test
	void refusesADefaultExpiryOutsideTheBounds() {
		assertThatIllegalArgumentException().isThrownBy(() -> properties(Duration.ofHours(25)))
			.withMessageContaining("kubernaut.approval.default-expiry");
	}

	@Test
	void refusesBoundsThatCannotBeMet() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ApprovalProperties(Duration.ofMinutes(15), Duration.ofHours(2), Duration.ofHours(1),
					Duration.ofSeconds(30), 100))
			.withMessageContaining("kubernaut.approval.min-expiry");
	}

	private static ApprovalProperties properties(Duration defaultExpiry) {
		return new ApprovalProperties(defaultExpiry, Duration.ofMinutes(1), Duration.ofHours(24),
				Duration.ofSeconds(30), 100);
	}

}
