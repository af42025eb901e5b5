package ai.kubernaut.actions.workload;

import java.math.BigDecimal;

import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class QuantitiesTest {

	@ParameterizedTest(name = "{0} x {1} = {2}")
	@CsvSource({ "64Mi, 2, 128Mi", "1Gi, 1.5, 1536Mi", "1Gi, 2, 2Gi", "100Mi, 1.1, 110Mi", "512Ki, 3, 1536Ki",
			"100M, 1.5, 150M", "1000000, 2, 2000000", "10Gi, 1.5, 15Gi" })
	void multipliesMemoryKeepingAUnitAPersonWouldWrite(String memory, String factor, String expected) {
		assertThat(Quantities.multiplyMemory(new Quantity(memory), new BigDecimal(factor))).hasToString(expected);
	}

	@ParameterizedTest(name = "{0} x {1} = {2}")
	@CsvSource({ "500m, 1.5, 750m", "1, 2, 2", "250m, 4, 1", "1.5, 2, 3", "100m, 1.25, 125m", "1m, 1.5, 2m" })
	void multipliesCpuIntoWholeCoresOrMillicores(String cpu, String factor, String expected) {
		assertThat(Quantities.multiplyCpu(new Quantity(cpu), new BigDecimal(factor))).hasToString(expected);
	}

}
