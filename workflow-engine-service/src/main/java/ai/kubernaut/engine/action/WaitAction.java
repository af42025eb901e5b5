package ai.kubernaut.engine.action;

import ai.kubernaut.actions.RemediationAction;
import ai.kubernaut.actions.ActionContext;
import ai.kubernaut.actions.ActionParameter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import ai.kubernaut.dag.workflow.Durations;

/**
 * Waits for {@code duration} ({@code 30s}, {@code 2m}, {@code 0}), e.g. to let a rollout
 * settle before a check. Touches nothing. A re-driven attempt waits only for what is left
 * since the attempt first started.
 */
public class WaitAction implements RemediationAction {

	public static final String NAME = "wait";

	private static final Duration MAX = Duration.ofHours(1);

	private final Clock clock;

	public WaitAction(Clock clock) {
		this.clock = clock;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<ActionParameter> parameters() {
		return List.of(ActionParameter.required("duration", "How long to wait, e.g. 30s; at most 1h"));
	}

	@Override
	public Map<String, Object> execute(ActionContext context) {
		Duration duration = Durations.parse(context.require("duration"));
		if (duration.compareTo(MAX) > 0) {
			throw new IllegalArgumentException("wait is limited to 1h, got " + context.require("duration"));
		}
		Instant started = (context.startedAt() != null) ? context.startedAt() : this.clock.instant();
		Duration left = Duration.between(this.clock.instant(), started.plus(duration));
		if (!left.isNegative() && !left.isZero()) {
			try {
				Thread.sleep(left);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("wait was interrupted", ex);
			}
		}
		return Map.of("waited", Durations.format(duration));
	}

}
