package ai.kubernaut.notification.outbox;

import java.util.List;

import ai.kubernaut.contracts.notification.DeliveryStatus;
import ai.kubernaut.contracts.notification.DeliveryView;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OverallStatusTest {

	@Test
	void isPendingWhileAnyChannelIsStillTrying() {
		assertThat(OverallStatus.of(List.of(delivery(DeliveryStatus.DELIVERED), delivery(DeliveryStatus.PENDING),
				delivery(DeliveryStatus.FAILED))))
			.isEqualTo(DeliveryStatus.PENDING);
	}

	@Test
	void isDeliveredOnlyWhenEveryChannelDelivered() {
		assertThat(OverallStatus.of(List.of(delivery(DeliveryStatus.DELIVERED), delivery(DeliveryStatus.DELIVERED))))
			.isEqualTo(DeliveryStatus.DELIVERED);
	}

	@Test
	void isFailedWhenAnyChannelGaveUp() {
		assertThat(OverallStatus.of(List.of(delivery(DeliveryStatus.DELIVERED), delivery(DeliveryStatus.FAILED))))
			.isEqualTo(DeliveryStatus.FAILED);
	}

	@Test
	void isDeadLetterWhenAnyDeliveryWasDeadLetteredEvenIfAnotherFailed() {
		assertThat(OverallStatus.of(List.of(delivery(DeliveryStatus.FAILED), delivery(DeliveryStatus.DEAD_LETTER),
				delivery(DeliveryStatus.DELIVERED))))
			.isEqualTo(DeliveryStatus.DEAD_LETTER);
	}

	@Test
	void isFailedWithoutAnyChannel() {
		assertThat(OverallStatus.of(List.of())).isEqualTo(DeliveryStatus.FAILED);
	}

	private static DeliveryView delivery(DeliveryStatus status) {
		return new DeliveryView("default", "log", status, 1, null, null, null, null);
	}

}
