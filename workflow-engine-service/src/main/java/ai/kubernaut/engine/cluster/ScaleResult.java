package ai.kubernaut.engine.cluster;

/**
 * What a scale operation did.
 *
 * @param previousReplicas the desired count before
 * @param replicas the desired count now
 */
public record ScaleResult(int previousReplicas, int replicas) {

	public boolean changed() {
		return this.previousReplicas != this.replicas;
	}

}
