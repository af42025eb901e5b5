package ai.kubernaut.engine.cluster;

/**
 * The Kubernetes API refused or failed an operation. The message names the object and the
 * API's reason.
 */
public class ClusterOperationException extends RuntimeException {

	public ClusterOperationException(String message, Throwable cause) {
		super(message, cause);
	}

	public ClusterOperationException(String message) {
		super(message);
	}

}
