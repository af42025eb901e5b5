package ai.kubernaut.datastorage.catalog.lifecycle;

import ai.kubernaut.datastorage.catalog.WorkflowStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class LifecycleActionTest {

	@ParameterizedTest(name = "{0} from {1}: {2}")
	@CsvSource({ "DISABLE, Active, true", "DISABLE, Disabled, true", "DISABLE, Deprecated, false",
			"DISABLE, Superseded, false", "DISABLE, Archived, false", "ENABLE, Disabled, true", "ENABLE, Active, true",
			"ENABLE, Deprecated, false", "ENABLE, Superseded, false", "ENABLE, Archived, false",
			"DEPRECATE, Active, true", "DEPRECATE, Disabled, true", "DEPRECATE, Deprecated, true",
			"DEPRECATE, Superseded, false", "DEPRECATE, Archived, false" })
	void allowsOnlyTheMovesOfTheTransitionTable(LifecycleAction action, String from, boolean allowed) {
		assertThat(action.allowedFrom(WorkflowStatus.of(from))).isEqualTo(allowed);
	}

	@ParameterizedTest
	@CsvSource({ "disable, DISABLE", "enable, ENABLE", "deprecate, DEPRECATE" })
	void readsThePathSegmentOfEachMove(String segment, LifecycleAction action) {
		assertThat(LifecycleAction.ofSegment(segment)).contains(action);
	}

}
