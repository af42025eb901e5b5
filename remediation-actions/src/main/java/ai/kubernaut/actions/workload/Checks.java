package ai.kubernaut.actions.workload;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.Quantity;

/**
 * Checks of literal parameter values, for {@code validate}: each returns the message for
 * a bad value, or {@code null} when the value is fine, absent or still a reference
 * ({@code ${...}}) resolved only when the step runs.
 */
final class Checks {

	private static final Pattern INTEGER = Pattern.compile("\\d{1,6}");

	private static final Pattern CHANGE = Pattern.compile("[+-]?\\d{1,6}");

	private static final Pattern INT_OR_PERCENT = Pattern.compile("\\d{1,6}%?");

	private Checks() {
	}

	static boolean literal(Object value) {
		return value != null && !value.toString().isBlank() && !value.toString().contains("${");
	}

	static String factor(Map<String, Object> parameters, String name) {
		Object value = parameters.get(name);
		if (!literal(value)) {
			return null;
		}
		try {
			if (new BigDecimal(value.toString().trim()).compareTo(BigDecimal.ONE) > 0
					&& new BigDecimal(value.toString().trim()).compareTo(BigDecimal.valueOf(100)) <= 0) {
				return null;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		return name + " must be a number > 1 (and at most 100), got \"" + value + "\"";
	}

	static String quantity(Map<String, Object> parameters, String name, String example) {
		Object value = parameters.get(name);
		if (!literal(value)) {
			return null;
		}
		try {
			if (Quantity.getAmountInBytes(new Quantity(value.toString().trim())).signum() > 0) {
				return null;
			}
		}
		catch (IllegalArgumentException | ArithmeticException ex) {
			// reported below
		}
		return name + " must be a positive Kubernetes quantity such as " + example + ", got \"" + value + "\"";
	}

	static String integer(Map<String, Object> parameters, String name) {
		Object value = parameters.get(name);
		if (!literal(value) || INTEGER.matcher(value.toString().trim()).matches()) {
			return null;
		}
		return name + " must be a whole number such as 3, got \"" + value + "\"";
	}

	static String change(Map<String, Object> parameters, String name) {
		Object value = parameters.get(name);
		if (!literal(value) || CHANGE.matcher(value.toString().trim()).matches()) {
			return null;
		}
		return name + " must be a count such as 3 or a change such as +1 or -1, got \"" + value + "\"";
	}

	static String intOrPercent(Map<String, Object> parameters, String name) {
		Object value = parameters.get(name);
		if (!literal(value) || INT_OR_PERCENT.matcher(value.toString().trim()).matches()) {
			return null;
		}
		return name + " must be a whole number such as 1 or a percentage such as 25%, got \"" + value + "\"";
	}

	static String bool(Map<String, Object> parameters, String name) {
		Object value = parameters.get(name);
		if (!literal(value) || List.of("true", "false").contains(value.toString().trim().toLowerCase())) {
			return null;
		}
		return name + " must be true or false, got \"" + value + "\"";
	}

	static String oneOf(Map<String, Object> parameters, String first, String second) {
		if (present(parameters, first) && present(parameters, second)) {
			return "Give either " + first + " or " + second + ", not both";
		}
		return null;
	}

	static boolean present(Map<String, Object> parameters, String name) {
		Object value = parameters.get(name);
		return value != null && !value.toString().isBlank();
	}

	/**
	 * The non-null messages.
	 */
	static List<String> problems(String... messages) {
		return java.util.Arrays.stream(messages).filter(java.util.Objects::nonNull).toList();
	}

}
