/**
 * The core of remediation workflows as a directed acyclic graph of steps, in plain Java.
 * <p>
 * Three layers, each usable on its own:
 * <ul>
 * <li>{@link ai.kubernaut.dag.Dag}: an immutable, validated graph of
 * {@link ai.kubernaut.dag.StepSpec}s. Building one reports every problem at once
 * ({@link ai.kubernaut.dag.DagValidationException}).</li>
 * <li>{@link ai.kubernaut.dag.DagScheduler}: a pure function from the graph and the
 * status of each step to the next {@link ai.kubernaut.dag.Decision} (start these, skip
 * those, or the run is over). It holds no state and starts no threads, so a run can be
 * resumed from persisted statuses by asking it again.</li>
 * <li>{@link ai.kubernaut.dag.DagExecutor}: a thin loop that applies decisions, runs
 * steps through a {@link ai.kubernaut.dag.StepRunner} with bounded parallelism, and
 * reports every transition to a {@link ai.kubernaut.dag.DagListener}.</li>
 * </ul>
 */
package ai.kubernaut.dag;
