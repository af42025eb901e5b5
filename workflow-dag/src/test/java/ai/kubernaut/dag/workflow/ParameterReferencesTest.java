package ai.kubernaut.dag.workflow;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ParameterReferencesTest {

	private final Map<String, Object> params = Map.of("TARGET_RESOURCE_NAME", "payment-service",
			"TARGET_RESOURCE_NAMESPACE", "production", "REPLICAS", 3);

	private final Map<String, Map<String, Object>> outputs = Map.of("scale", Map.of("previousReplicas", 2));

	@Test
	void aWholeReferenceKeepsTheTypeOfItsValue() {
		Map<String, Object> resolved = ParameterReferences.resolve(
				Map.of("replicas", "${REPLICAS}", "previous", "${steps.scale.previousReplicas}"), this.params,
				this.outputs);

		assertThat(resolved).containsEntry("replicas", 3).containsEntry("previous", 2);
	}

	@Test
	void referencesInsideTextAreReplacedByTheirText() {
		Map<String, Object> resolved = ParameterReferences.resolve(
				Map.of("hpa", "${TARGET_RESOURCE_NAME}-hpa", "note",
						"${TARGET_RESOURCE_NAMESPACE}/${TARGET_RESOURCE_NAME} was at ${steps.scale.previousReplicas}"),
				this.params, this.outputs);

		assertThat(resolved).containsEntry("hpa", "payment-service-hpa")
			.containsEntry("note", "production/payment-service was at 2");
	}

	@Test
	void resolvesInsideListsAndMapsAndLeavesOtherValuesAlone() {
		Map<String, Object> resolved = ParameterReferences.resolve(
				Map.of("paths", List.of("/var/log/${TARGET_RESOURCE_NAME}"), "labels",
						Map.of("app", "${TARGET_RESOURCE_NAME}"), "max", 8, "literal", "$${NOT_A_REFERENCE}"),
				this.params, this.outputs);

		assertThat(resolved).containsEntry("paths", List.of("/var/log/payment-service"))
			.containsEntry("labels", Map.of("app", "payment-service"))
			.containsEntry("max", 8)
			.containsEntry("literal", "${NOT_A_REFERENCE}");
	}

	@Test
	void namesTheReferenceThatCannotBeResolved() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ParameterReferences.resolve(Map.of("m", "${MEMORY}"), this.params, this.outputs))
			.withMessage("${MEMORY}: no workflow parameter 'MEMORY' was given");
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> ParameterReferences.resolve(Map.of("m", "${steps.scale.memory}"), this.params, this.outputs))
			.withMessage("${steps.scale.memory}: step 'scale' has no output 'memory'");
	}

}
