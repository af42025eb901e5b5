package ai.kubernaut.notification.channel;

/**
 * Keeps secrets out of {@code toString}, and so out of logs and startup reports.
 */
final class Secrets {

	private Secrets() {
	}

	static String mask(Object secret) {
		return (secret != null) ? "******" : "null";
	}

}
