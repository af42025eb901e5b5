package ai.kubernaut.gateway.cluster;

/**
 * The Kubernetes API could not answer a read: unreachable, timed out, failing, or denying
 * the gateway's ServiceAccount. Transient from the sender's point of view, so callers
 * answer 503 and let Alertmanager retry.
 */
public class ClusterUnavailableException extends RuntimeException {

	public ClusterUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
