package ai.kubernaut.engine.catalog;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ComponentsTest {

	@ParameterizedTest
	@CsvSource({ "Deployment, apps/v1/Deployment", "StatefulSet, apps/v1/StatefulSet", "Pod, v1/Pod", "Node, v1/Node",
			"HorizontalPodAutoscaler, autoscaling/v2/HorizontalPodAutoscaler", "Certificate, Certificate" })
	void namesTheComponentByGroupVersionAndKind(String kind, String component) {
		assertThat(Components.of(kind)).isEqualTo(component);
	}

}
