package ai.kubernaut.approval.request;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import ai.kubernaut.contracts.approval.ApprovalState;

/**
 * The moves an approval request may make. Only {@link ApprovalState#PENDING} has a way
 * out, and every way out is final: once decided or expired, a request never changes
 * again. The repository derives the guard of its conditional {@code UPDATE} from this
 * table, so this is the one place the lifecycle is written down.
 */
final class ApprovalLifecycle {

	private static final Map<ApprovalState, Set<ApprovalState>> MOVES;

	static {
		Map<ApprovalState, Set<ApprovalState>> moves = new EnumMap<>(ApprovalState.class);
		moves.put(ApprovalState.PENDING, EnumSet.of(ApprovalState.APPROVED, ApprovalState.REJECTED,
				ApprovalState.EXPIRED, ApprovalState.SUPERSEDED));
		moves.put(ApprovalState.APPROVED, EnumSet.noneOf(ApprovalState.class));
		moves.put(ApprovalState.REJECTED, EnumSet.noneOf(ApprovalState.class));
		moves.put(ApprovalState.EXPIRED, EnumSet.noneOf(ApprovalState.class));
		moves.put(ApprovalState.SUPERSEDED, EnumSet.noneOf(ApprovalState.class));
		moves.replaceAll((state, targets) -> Collections.unmodifiableSet(targets));
		MOVES = Collections.unmodifiableMap(moves);
	}

	private ApprovalLifecycle() {
	}

	static boolean allows(ApprovalState from, ApprovalState to) {
		return MOVES.get(from).contains(to);
	}

	static Set<ApprovalState> targetsOf(ApprovalState from) {
		return MOVES.get(from);
	}

	/**
	 * The states from which {@code to} can be reached; empty for the initial state.
	 */
	static Set<ApprovalState> sourcesOf(ApprovalState to) {
		Set<ApprovalState> sources = EnumSet.noneOf(ApprovalState.class);
		MOVES.forEach((from, targets) -> {
			if (targets.contains(to)) {
				sources.add(from);
			}
		});
		return Collections.unmodifiableSet(sources);
	}

}
