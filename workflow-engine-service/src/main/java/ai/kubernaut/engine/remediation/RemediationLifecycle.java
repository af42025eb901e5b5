package ai.kubernaut.engine.remediation;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import ai.kubernaut.contracts.remediation.RemediationPhase;

import static ai.kubernaut.contracts.remediation.RemediationPhase.AWAITING_APPROVAL;
import static ai.kubernaut.contracts.remediation.RemediationPhase.CANCELLED;
import static ai.kubernaut.contracts.remediation.RemediationPhase.COMPLETED;
import static ai.kubernaut.contracts.remediation.RemediationPhase.EXECUTING;
import static ai.kubernaut.contracts.remediation.RemediationPhase.FAILED;
import static ai.kubernaut.contracts.remediation.RemediationPhase.PENDING;
import static ai.kubernaut.contracts.remediation.RemediationPhase.SKIPPED;

/**
 * The only moves a remediation may make between phases. Anything else is a bug or a race
 * and throws.
 */
final class RemediationLifecycle {

	private static final Map<RemediationPhase, Set<RemediationPhase>> MOVES = new EnumMap<>(
			Map.of(PENDING, EnumSet.of(EXECUTING, AWAITING_APPROVAL, COMPLETED, FAILED, SKIPPED, CANCELLED), EXECUTING,
					EnumSet.of(AWAITING_APPROVAL, COMPLETED, FAILED, CANCELLED), AWAITING_APPROVAL,
					EnumSet.of(EXECUTING, COMPLETED, FAILED, CANCELLED), COMPLETED,
					EnumSet.noneOf(RemediationPhase.class), FAILED, EnumSet.noneOf(RemediationPhase.class), SKIPPED,
					EnumSet.noneOf(RemediationPhase.class), CANCELLED, EnumSet.noneOf(RemediationPhase.class)));

	private RemediationLifecycle() {
	}

	static boolean allows(RemediationPhase from, RemediationPhase to) {
		return MOVES.get(from).contains(to);
	}

	/**
	 * @throws IllegalPhaseTransitionException if the move is not allowed
	 */
	static void check(RemediationPhase from, RemediationPhase to) {
		if (!allows(from, to)) {
			throw new IllegalPhaseTransitionException(from, to);
		}
	}

	/**
	 * The table as a Mermaid state diagram, so documentation is generated from the code
	 * and cannot drift.
	 */
	static String mermaid() {
		String moves = MOVES.entrySet()
			.stream()
			.flatMap((entry) -> entry.getValue().stream().map((to) -> "    " + entry.getKey() + " --> " + to))
			.collect(Collectors.joining("\n"));
		String ends = MOVES.keySet()
			.stream()
			.filter(RemediationPhase::isTerminal)
			.map((phase) -> "    " + phase + " --> [*]")
			.collect(Collectors.joining("\n"));
		return "stateDiagram-v2\n    [*] --> " + PENDING + "\n" + moves + "\n" + ends + "\n";
	}

}
