package ai.kubernaut.engine.catalog;

import java.math.BigDecimal;
import java.util.List;

import ai.kubernaut.contracts.catalog.WorkflowDiscoveryEntry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkflowSelectorTest {

	@Test
	void takesTheHighestScoreWhateverTheEngine() {
		assertThat(WorkflowSelector.best(List.of(entry("native", "dag", "0.90"), entry("bundle", "job", "0.95"))))
			.hasValueSatisfying((best) -> assertThat(best.workflowId()).isEqualTo("bundle"));
	}

	@Test
	void prefersANativeWorkflowOnEqualScore() {
		assertThat(WorkflowSelector.best(List.of(entry("bundle", "job", "0.90"), entry("native", "dag", "0.90"))))
			.hasValueSatisfying((best) -> assertThat(best.workflowId()).isEqualTo("native"));
	}

	@Test
	void passesOverEnginesItDoesNotDrive() {
		assertThat(WorkflowSelector.best(List.of(entry("pipeline", "tekton", "1.0"),
				entry("playbook", "ansible", "1.0"), entry("bundle", "job", "0.5"))))
			.hasValueSatisfying((best) -> assertThat(best.workflowId()).isEqualTo("bundle"));
		assertThat(WorkflowSelector.best(List.of(entry("pipeline", "tekton", "1.0")))).isEmpty();
	}

	@Test
	void keepsTheCatalogsOrderWithoutScores() {
		assertThat(WorkflowSelector.best(List.of(entry("first", "job", null), entry("second", "job", null))))
			.hasValueSatisfying((best) -> assertThat(best.workflowId()).isEqualTo("first"));
	}

	private static WorkflowDiscoveryEntry entry(String id, String engine, String score) {
		return new WorkflowDiscoveryEntry(id, id, id, null, "1.0.0", null, engine, null,
				(score != null) ? new BigDecimal(score) : null, null);
	}

}
