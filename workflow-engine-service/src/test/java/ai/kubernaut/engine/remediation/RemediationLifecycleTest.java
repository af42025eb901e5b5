package ai.kubernaut.engine.remediation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ai.kubernaut.contracts.remediation.RemediationPhase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RemediationLifecycleTest {

	@ParameterizedTest(name = "{0} -> {1}: {2}")
	@CsvSource({ "PENDING, EXECUTING, true", "PENDING, FAILED, true", "PENDING, SKIPPED, true",
			"PENDING, COMPLETED, true", "EXECUTING, AWAITING_APPROVAL, true", "AWAITING_APPROVAL, EXECUTING, true",
			"EXECUTING, COMPLETED, true", "EXECUTING, FAILED, true", "EXECUTING, CANCELLED, true",
			"EXECUTING, SKIPPED, false", "EXECUTING, PENDING, false", "COMPLETED, FAILED, false",
			"FAILED, EXECUTING, false", "FAILED, FAILED, false", "SKIPPED, EXECUTING, false",
			"CANCELLED, EXECUTING, false" })
	void allowsOnlyTheMovesOfTheTable(RemediationPhase from, RemediationPhase to, boolean allowed) {
		assertThat(RemediationLifecycle.allows(from, to)).isEqualTo(allowed);
	}

	@Test
	void anIllegalMoveIsAConflict() {
		assertThatExceptionOfType(IllegalPhaseTransitionException.class)
			.isThrownBy(() -> RemediationLifecycle.check(RemediationPhase.COMPLETED, RemediationPhase.EXECUTING))
			.satisfies((ex) -> assertThat(ex.status().value()).isEqualTo(409))
			.withMessage("A remediation in phase COMPLETED cannot move to EXECUTING");
	}

	@Test
	void drawsTheTableAsAMermaidStateDiagram() {
		assertThat(RemediationLifecycle.mermaid()).startsWith("stateDiagram-v2\n    [*] --> PENDING\n")
			.contains("    PENDING --> EXECUTING\n", "    PENDING --> FAILED\n", "    EXECUTING --> COMPLETED\n",
					"    EXECUTING --> FAILED\n", "    COMPLETED --> [*]\n", "    FAILED --> [*]\n",
					"    SKIPPED --> [*]\n", "    CANCELLED --> [*]\n")
			.doesNotContain("COMPLETED --> FAILED");
	}

}
