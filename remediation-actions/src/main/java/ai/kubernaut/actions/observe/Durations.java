package ai.kubernaut.actions.observe;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.kubernaut.actions.ActionContext;

/**
 * Durations as workflows write them: {@code 30s}, {@code 5m}, {@code 1h}, {@code 1h30m},
 * {@code 250ms}, or ISO-8601 ({@code PT5M}).
 */
public final class Durations {

	private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h)");

	private Durations() {
	}

	/**
	 * @return the duration, or empty if the text is not one
	 */
	public static Optional<Duration> parse(String text) {
		String value = text.trim().toLowerCase(Locale.ROOT);
		if (value.startsWith("pt") || value.startsWith("p")) {
			try {
				return Optional.of(Duration.parse(value.toUpperCase(Locale.ROOT)));
			}
			catch (DateTimeParseException ex) {
				return Optional.empty();
			}
		}
		Matcher matcher = SHORT.matcher(value);
		Duration total = Duration.ZERO;
		int end = 0;
		while (matcher.find() && matcher.start() == end) {
			long amount = Long.parseLong(matcher.group(1));
			total = total.plus(switch (matcher.group(2)) {
				case "ms" -> Duration.ofMillis(amount);
				case "s" -> Duration.ofSeconds(amount);
				case "m" -> Duration.ofMinutes(amount);
				default -> Duration.ofHours(amount);
			});
			end = matcher.end();
		}
		return (end > 0 && end == value.length()) ? Optional.of(total) : Optional.empty();
	}

	/**
	 * The parameter {@code name} as a duration between {@code min} and {@code max}, or
	 * {@code defaultValue} when absent.
	 * @throws IllegalArgumentException if it is not a duration or out of bounds
	 */
	public static Duration parameter(ActionContext context, String name, Duration defaultValue, Duration min,
			Duration max) {
		Optional<String> text = context.optional(name);
		if (text.isEmpty()) {
			return defaultValue;
		}
		String problem = check(name, text.get(), min, max);
		if (problem != null) {
			throw new IllegalArgumentException(problem);
		}
		return parse(text.get()).orElseThrow();
	}

	/**
	 * Why {@code value} is not a valid duration for {@code name}, or {@code null} if it
	 * is (or is absent, or still a template).
	 */
	public static String check(String name, Object value, Duration min, Duration max) {
		if (value == null || value.toString().isBlank() || value.toString().contains("${")) {
			return null;
		}
		Optional<Duration> duration = parse(value.toString());
		if (duration.isEmpty()) {
			return name + " must be a duration such as 30s, 5m or 1h, got \"" + value + "\"";
		}
		if (duration.get().compareTo(min) < 0 || duration.get().compareTo(max) > 0) {
			return name + " must be between " + format(min) + " and " + format(max) + ", got \"" + value + "\"";
		}
		return null;
	}

	/**
	 * {@code 5m}, {@code 90s}, {@code 1h}: the way workflows write durations.
	 */
	public static String format(Duration duration) {
		if (duration.toMillis() % 1000 != 0) {
			return duration.toMillis() + "ms";
		}
		long seconds = duration.toSeconds();
		if (seconds != 0 && seconds % 3600 == 0) {
			return seconds / 3600 + "h";
		}
		if (seconds != 0 && seconds % 60 == 0) {
			return seconds / 60 + "m";
		}
		return seconds + "s";
	}

}
