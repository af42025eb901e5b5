package ai.kubernaut.notification.routing;

/**
 * One delivery of a notification: a channel of a receiver.
 */
public record Target(String receiver, String channel) {

	@Override
	public String toString() {
		return this.receiver + "/" + this.channel;
	}

}
