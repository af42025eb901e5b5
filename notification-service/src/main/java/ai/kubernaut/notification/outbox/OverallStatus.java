package ai.kubernaut.notification.outbox;

import java.util.List;

import ai.kubernaut.contracts.notification.DeliveryStatus;
import ai.kubernaut.contracts.notification.DeliveryView;

/**
 * Sums up a notification's deliveries in one status.
 */
final class OverallStatus {

	private OverallStatus() {
	}

	/**
	 * {@code PENDING} while any delivery is still trying; once all are settled,
	 * {@code DEAD_LETTER} if any is (it needs an operator), else {@code FAILED} if any
	 * is, else {@code DELIVERED}. A partial delivery therefore never reads as delivered:
	 * somebody who should have been told was not, and the per-delivery list says who.
	 */
	static DeliveryStatus of(List<DeliveryView> deliveries) {
		if (deliveries.isEmpty()) {
			return DeliveryStatus.FAILED;
		}
		for (DeliveryStatus status : new DeliveryStatus[] { DeliveryStatus.PENDING, DeliveryStatus.DEAD_LETTER,
				DeliveryStatus.FAILED }) {
			if (deliveries.stream().anyMatch((d) -> d.status() == status)) {
				return status;
			}
		}
		return DeliveryStatus.DELIVERED;
	}

}
