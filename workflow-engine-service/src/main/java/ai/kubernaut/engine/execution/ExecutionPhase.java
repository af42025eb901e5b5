package ai.kubernaut.engine.execution;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The lifecycle of a workflow execution, as an explicit table of allowed moves.
 */
public enum ExecutionPhase {

	Pending, Running, Paused, WaitingForApproval, Completed, Failed, Cancelled, TimedOut;

	private static final Map<ExecutionPhase, Set<ExecutionPhase>> MOVES = Map.of(Pending,
			EnumSet.of(Running, Paused, Cancelled, Completed, Failed, TimedOut, WaitingForApproval), Running,
			EnumSet.of(Paused, WaitingForApproval, Completed, Failed, Cancelled, TimedOut), WaitingForApproval,
			EnumSet.of(Running, Paused, Completed, Failed, Cancelled, TimedOut), Paused, EnumSet.of(Running, Cancelled),
			Failed, EnumSet.of(Running), TimedOut, EnumSet.of(Running), Completed, EnumSet.noneOf(ExecutionPhase.class),
			Cancelled, EnumSet.noneOf(ExecutionPhase.class));

	public boolean canMoveTo(ExecutionPhase next) {
		return this == next || MOVES.get(this).contains(next);
	}

	public boolean isTerminal() {
		return this == Completed || this == Failed || this == Cancelled || this == TimedOut;
	}

	/**
	 * Whether the worker should keep deciding for an execution in this phase.
	 */
	boolean isDriven() {
		return this == Pending || this == Running || this == WaitingForApproval;
	}

}
