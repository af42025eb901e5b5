package ai.kubernaut.dag.workflow;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GraphTextTest {

	private final Workflow oomkill = new WorkflowValidator(Fixtures.OOMKILL_ACTIONS, ConditionCompiler.NONE)
		.read(Fixtures.load("oomkill-recommendations.json"));

	@Test
	void drawsParallelLevelsWithDependenciesAndTheApprovalGate() {
		assertThat(GraphText.render(this.oomkill)).isEqualTo("""
				┌─────────────────────────────────────────┐
				│ Step 1: collect_diagnostics (parallel)  │
				│ Step 2: backup_data (parallel)          │
				└────────────────────┬────────────────────┘
				                     ↓
				┌─────────────────────────────────────────┐
				│ Step 3: increase_resources              │
				│   Dependencies: [1, 2]                  │
				└────────────────────┬────────────────────┘
				                     ↓
				┌─────────────────────────────────────────┐
				│ Step 4: restart_pod (APPROVAL GATE)     │
				│   Dependencies: [3]                     │
				│   Risk: Medium                          │
				└────────────────────┬────────────────────┘
				                     ↓
				┌─────────────────────────────────────────┐
				│ Step 5: enable_debug_mode (parallel)    │
				│ Step 6: update_hpa (parallel)           │
				│   Dependencies: [4]                     │
				└────────────────────┬────────────────────┘
				                     ↓
				┌─────────────────────────────────────────┐
				│ Step 7: notify_only                     │
				│   Dependencies: [5, 6]                  │
				└─────────────────────────────────────────┘

				Total Steps: 7 (2 parallel groups)
				""");
	}

	@Test
	void showsEachStepsPhaseWhenGiven() {
		String text = GraphText.render(this.oomkill, Map.of("rec-001", "completed", "rec-004", "waiting-approval"));

		assertThat(text).contains("│ Step 1: collect_diagnostics (parallel) [completed]")
			.contains("│ Step 4: restart_pod (APPROVAL GATE) [waiting-approval]")
			.contains("│ Step 2: backup_data (parallel) ");
	}

}
