package ai.kubernaut.dag;

/**
 * Observes a run step by step, for example to persist each transition before the run goes
 * on.
 * <p>
 * Called on the thread that called {@link DagExecutor#execute}, one event at a time, in
 * the order of {@link DagRun#timeline()}: a step's {@code RUNNING} event is delivered
 * before the step is handed to a worker. An exception thrown here aborts the run: steps
 * already running are interrupted and the exception propagates to the caller of
 * {@code execute}, because a run whose progress cannot be recorded must not go on
 * changing things.
 */
@FunctionalInterface
public interface DagListener {

	DagListener NONE = (event) -> {
	};

	void onEvent(StepEvent event);

}
