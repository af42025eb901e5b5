package ai.kubernaut.engine.remediation;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafetyRulesTest {

	static final Instant NOW = Instant.parse("2026-06-02T15:00:00Z");

	static final String TARGET = "demo/Deployment/api";

	final SafetyRules rules = new SafetyRules(SafetyProperties.defaults(), () -> 0.5);

	@Test
	void backsOffSixtySecondsDoubledPerFailureUpToTenMinutes() {
		assertThat(this.rules.backoff(1)).isEqualTo(Duration.ofSeconds(60));
		assertThat(this.rules.backoff(2)).isEqualTo(Duration.ofSeconds(120));
		assertThat(this.rules.backoff(3)).isEqualTo(Duration.ofSeconds(240));
		assertThat(this.rules.backoff(4)).isEqualTo(Duration.ofSeconds(480));
		assertThat(this.rules.backoff(5)).isEqualTo(Duration.ofSeconds(600));
		assertThat(this.rules.backoff(40)).isEqualTo(Duration.ofSeconds(600));
	}

	@Test
	void spreadsEachBackoffByAtMostTenPercent() {
		assertThat(new SafetyRules(SafetyProperties.defaults(), () -> 0.0).backoff(1))
			.isEqualTo(Duration.ofSeconds(54));
		assertThat(new SafetyRules(SafetyProperties.defaults(), () -> 0.999_999).backoff(1))
			.isBetween(Duration.ofMillis(65_999), Duration.ofSeconds(66));
	}

	@Test
	void aFailureBeforeAnythingRanBacksTheTargetOff() {
		TargetState after = this.rules.afterFailure(TargetState.clean(TARGET), true, NOW);

		assertThat(after.consecutiveFailures()).isEqualTo(1);
		assertThat(after.nextAllowedAt()).isEqualTo(NOW.plusSeconds(60));
		assertThat(this.rules.beforeSelection(after, NOW.plusSeconds(59)))
			.hasValueSatisfying((block) -> assertThat(block.outcome()).isEqualTo(Outcome.ExponentialBackoff));
		assertThat(this.rules.beforeSelection(after, NOW.plusSeconds(60))).isEmpty();
	}

	@Test
	void aFailedExecutionDoesNotBackOffButCountsTowardsTheBlock() {
		TargetState after = this.rules.afterFailure(TargetState.clean(TARGET), false, NOW);

		assertThat(after.nextAllowedAt()).isNull();
		assertThat(after.consecutiveFailures()).isEqualTo(1);
		assertThat(this.rules.beforeSelection(after, NOW)).isEmpty();
	}

	@Test
	void blocksTheTargetForAnHourAfterThreeConsecutiveFailures() {
		TargetState state = TargetState.clean(TARGET);
		for (int i = 0; i < 3; i++) {
			state = this.rules.afterFailure(state, false, NOW);
		}

		assertThat(state.blockedUntil()).isEqualTo(NOW.plus(Duration.ofHours(1)));
		assertThat(this.rules.beforeSelection(state, NOW.plus(Duration.ofMinutes(59))))
			.hasValueSatisfying((block) -> assertThat(block.outcome()).isEqualTo(Outcome.ConsecutiveFailuresBlocked));
		assertThat(this.rules.beforeSelection(state, NOW.plus(Duration.ofHours(1)))).isEmpty();
	}

	@Test
	void aSuccessClearsTheHistory() {
		TargetState failed = this.rules.afterFailure(TargetState.clean(TARGET), true, NOW);

		assertThat(this.rules.afterSuccess(failed)).isEqualTo(TargetState.clean(TARGET));
	}

	@Test
	void skipsTheSameWorkflowOnTheSameTargetWithinFiveMinutes() {
		assertThat(this.rules.cooldown("wf", TARGET, NOW, NOW.plus(Duration.ofMinutes(4))))
			.hasValueSatisfying((block) -> assertThat(block.outcome()).isEqualTo(Outcome.RecentlyRemediated));
		assertThat(this.rules.cooldown("wf", TARGET, NOW, NOW.plus(Duration.ofMinutes(5)))).isEmpty();
		assertThat(this.rules.cooldown("wf", TARGET, null, NOW)).isEmpty();
	}

}
