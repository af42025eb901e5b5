package ai.kubernaut.engine.action;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReplicaChangeTest {

	@ParameterizedTest(name = "\"{0}\" applied to 3 gives {1}")
	@CsvSource({ "3, 3", "0, 0", "+1, 4", "-1, 2", "' +2 ', 5", "-10, -7", "12, 12" })
	void readsAbsoluteCountsAndRelativeChanges(String text, int expected) {
		assertThat(ReplicaChange.parse(text).applyTo(3)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "three", "+", "1.5", "++1", "1e3", "999999", "-" })
	void rejectsAnythingElse(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> ReplicaChange.parse(text))
			.withMessageStartingWith("SCALE_REPLICAS must be a replica count such as 3");
	}

}
