package ai.kubernaut.dag.workflow;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as workflow authors write them: Go/Kubernetes style ({@code 30s}, {@code 2m},
 * {@code 1h30m}, {@code 250ms}) or ISO-8601 ({@code PT2M}).
 */
public final class Durations {

	private static final Pattern PART = Pattern.compile("(\\d+)(ms|h|m|s)");

	private Durations() {
	}

	/**
	 * @throws IllegalArgumentException naming the accepted forms
	 */
	public static Duration parse(String text) {
		String value = text.strip().toLowerCase(Locale.ROOT);
		if (value.startsWith("pt") || value.startsWith("p")) {
			try {
				return Duration.parse(value.toUpperCase(Locale.ROOT));
			}
			catch (DateTimeParseException ex) {
				throw invalid(text);
			}
		}
		if (value.equals("0")) {
			return Duration.ZERO;
		}
		Matcher matcher = PART.matcher(value);
		Duration total = Duration.ZERO;
		int end = 0;
		while (matcher.find()) {
			if (matcher.start() != end) {
				throw invalid(text);
			}
			long amount = Long.parseLong(matcher.group(1));
			total = total.plus(switch (matcher.group(2)) {
				case "ms" -> Duration.ofMillis(amount);
				case "s" -> Duration.ofSeconds(amount);
				case "m" -> Duration.ofMinutes(amount);
				default -> Duration.ofHours(amount);
			});
			end = matcher.end();
		}
		if (end == 0 || end != value.length()) {
			throw invalid(text);
		}
		return total;
	}

	/**
	 * The short form, e.g. {@code 1m30s}; {@code 0s} for zero.
	 */
	public static String format(Duration duration) {
		if (duration.isZero()) {
			return "0s";
		}
		StringBuilder text = new StringBuilder();
		if (duration.toHours() > 0) {
			text.append(duration.toHours()).append('h');
		}
		if (duration.toMinutesPart() > 0) {
			text.append(duration.toMinutesPart()).append('m');
		}
		if (duration.toSecondsPart() > 0) {
			text.append(duration.toSecondsPart()).append('s');
		}
		if (duration.toMillisPart() > 0) {
			text.append(duration.toMillisPart()).append("ms");
		}
		return text.toString();
	}

	private static IllegalArgumentException invalid(String text) {
		return new IllegalArgumentException(
				"'" + text + "' is not a duration; write e.g. 30s, 2m, 1h30m, 250ms or PT2M");
	}

}
