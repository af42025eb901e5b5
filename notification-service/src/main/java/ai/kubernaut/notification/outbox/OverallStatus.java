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
	 * {@code PENDING} while any channel is still trying, {@code DELIVERED} once every
	 * channel delivered, {@code FAILED} once the rest is settled and at least one channel
	 * gave up. A partial delivery therefore reads as {@code FAILED}: somebody who should
	 * have been told was not, and the per-channel list says who.
	 */
	static DeliveryStatus of(List<DeliveryView> deliveries) {
		if (deliveries.stream().anyMatch((d) -> d.status() == DeliveryStatus.PENDING)) {
			return DeliveryStatus.PENDING;
		}
		boolean allDelivered = !deliveries.isEmpty()
				&& deliveries.stream().allMatch((d) -> d.status() == DeliveryStatus.DELIVERED);
		return allDelivered ? DeliveryStatus.DELIVERED : DeliveryStatus.FAILED;
	}

}
