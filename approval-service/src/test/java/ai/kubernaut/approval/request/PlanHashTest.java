package ai.kubernaut.approval.request;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ai.kubernaut.contracts.approval.CreateApprovalRequest;
import ai.kubernaut.contracts.signal.ResourceRef;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class PlanHashTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void isTheSameWhateverTheOrderOfTheParameters() {
		Map<String, Object> ab = new LinkedHashMap<>();
		ab.put("A", "1");
		ab.put("B", Map.of("y", 2, "x", 1));
		Map<String, Object> ba = new LinkedHashMap<>();
		ba.put("B", Map.of("x", 1, "y", 2));
		ba.put("A", "1");

		assertThat(PlanHash.of(request(ab, "100", "diff"), JSON))
			.isEqualTo(PlanHash.of(request(ba, "100", "diff"), JSON))
			.hasSize(64)
			.matches("[0-9a-f]{64}");
	}

	@Test
	void changesWhenTheTargetMovedOn() {
		assertThat(PlanHash.of(request(Map.of(), "100", "diff"), JSON))
			.isNotEqualTo(PlanHash.of(request(Map.of(), "101", "diff"), JSON));
	}

	@Test
	void changesWithTheDiffAndTheParameters() {
		String plan = PlanHash.of(request(Map.of("FACTOR", "2"), "100", "diff"), JSON);

		assertThat(plan).isNotEqualTo(PlanHash.of(request(Map.of("FACTOR", "2"), "100", "other diff"), JSON))
			.isNotEqualTo(PlanHash.of(request(Map.of("FACTOR", "3"), "100", "diff"), JSON));
	}

	@Test
	void ignoresWhatIsNotPartOfThePlan() {
		CreateApprovalRequest one = request(Map.of(), "100", "diff");
		CreateApprovalRequest other = new CreateApprovalRequest(UUID.randomUUID(), null, List.of("other-step"),
				one.target(), "100", one.actionType(), one.workflowId(), one.workflowVersion(), Map.of(), "graph",
				"diff", "high", 2, "sre", "another reason", null, null);

		assertThat(PlanHash.of(one, JSON)).isEqualTo(PlanHash.of(other, JSON));
	}

	private static CreateApprovalRequest request(Map<String, Object> parameters, String resourceVersion, String diff) {
		return new CreateApprovalRequest(UUID.randomUUID(), UUID.randomUUID(), List.of("increase-memory"),
				new ResourceRef("Deployment", "demo", "web"), resourceVersion, "IncreaseMemoryLimits",
				"increase-memory-limits-v1", "1.0.0", parameters, null, diff, "medium", 1, null, null, null, null);
	}

}
