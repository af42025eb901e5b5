package ai.kubernaut.engine.catalog;

/**
 * A catalog workflow needs an execution engine this engine does not drive (Tekton,
 * Ansible). Kubernaut's failure reason for it is {@code UnsupportedEngine}.
 */
public class UnsupportedEngineException extends RuntimeException {

	public UnsupportedEngineException(String workflowName, String engine) {
		super("workflow " + workflowName + " needs execution engine '" + engine
				+ "', which this engine does not run (it runs engine dag natively and engine job as Kubernetes Jobs)");
	}

}
