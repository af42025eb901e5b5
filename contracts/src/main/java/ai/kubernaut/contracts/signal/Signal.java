package ai.kubernaut.contracts.signal;

import java.time.Instant;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * A normalised alert as the gateway hands it on: what fired, how bad it is, and how the
 * gateway classified it.
 *
 * @param name the alert name ({@code labels.alertname})
 * @param severity the alert's severity label, lower-cased, {@code unknown} when absent
 * @param environment the environment of the target's namespace (e.g. {@code production})
 * @param priority {@code P0} (most urgent) to {@code P3}
 * @param labels the alert's labels, common labels merged under them
 * @param annotations the alert's annotations, common annotations merged under them
 * @param startsAt when the alert started firing
 * @param source which adapter produced the signal, e.g. {@code prometheus}
 */
public record Signal(@NotBlank String name, @NotBlank String severity, @NotBlank String environment,
		@NotBlank String priority, @NotNull Map<String, String> labels, @NotNull Map<String, String> annotations,
		Instant startsAt, @NotBlank String source) {

	public Signal {
		labels = labels == null ? Map.of() : Map.copyOf(labels);
		annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
	}

}
