package ai.kubernaut.engine.execution;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;

/**
 * The registered {@link ExecutionListener}s, looked up when called: the remediation
 * orchestrator listens to executions and also submits them, so it cannot be a constructor
 * dependency of the classes that call it.
 */
class ExecutionListeners {

	private static final Logger logger = LoggerFactory.getLogger(ExecutionListeners.class);

	private final ObjectProvider<ExecutionListener> listeners;

	ExecutionListeners(ObjectProvider<ExecutionListener> listeners) {
		this.listeners = listeners;
	}

	void phaseChanged(UUID executionId, ExecutionPhase phase) {
		this.listeners.orderedStream().forEach((listener) -> {
			try {
				listener.phaseChanged(executionId, phase);
			}
			catch (RuntimeException ex) {
				logger.warn("Listener {} failed on execution {} reaching {}; it catches up on its own",
						listener.getClass().getSimpleName(), executionId, phase, ex);
			}
		});
	}

}
