package ai.kubernaut.dag;

import java.util.Map;
import java.util.Objects;

/**
 * How one step ended, as its {@link StepRunner} reports it.
 */
public sealed interface StepResult {

	static StepResult succeeded(Map<String, Object> output) {
		return new Succeeded(output);
	}

	static StepResult failed(String message) {
		return new Failed(message);
	}

	/**
	 * The step did what it should.
	 *
	 * @param output what it reports, e.g. {@code previousReplicas}; never {@code null}
	 */
	record Succeeded(Map<String, Object> output) implements StepResult {

		public Succeeded {
			output = (output != null) ? Map.copyOf(output) : Map.of();
		}

	}

	/**
	 * The step did not do what it should.
	 *
	 * @param message a sentence for the operator, e.g.
	 * {@code Deployment demo/api not found}
	 */
	record Failed(String message) implements StepResult {

		public Failed {
			Objects.requireNonNull(message, "message");
		}

	}

}
