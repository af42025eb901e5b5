package ai.kubernaut.actions.workload;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A count as a workflow parameter gives it: absolute ({@code "3"}) or relative to the
 * current count ({@code "+1"}, {@code "-1"}).
 */
record ReplicaChange(boolean relative, int amount) {

	private static final Pattern FORMAT = Pattern.compile("([+-])?(\\d{1,6})");

	/**
	 * @throws IllegalArgumentException naming {@code parameter} if the text is neither
	 */
	static ReplicaChange parse(String parameter, String text) {
		Matcher matcher = FORMAT.matcher((text != null) ? text.trim() : "");
		if (!matcher.matches()) {
			throw new IllegalArgumentException(
					parameter + " must be a count such as 3 or a change such as +1 or -1, got \"" + text + "\"");
		}
		int amount = Integer.parseInt(matcher.group(2));
		if (matcher.group(1) == null) {
			return new ReplicaChange(false, amount);
		}
		return new ReplicaChange(true, "-".equals(matcher.group(1)) ? -amount : amount);
	}

	int applyTo(int current) {
		return this.relative ? current + this.amount : this.amount;
	}

	/**
	 * The count to set: never below 0, and an increase never above {@code max}; a count
	 * already above {@code max} is left as it is rather than shrunk by a request to grow.
	 */
	static int bound(int current, int requested, int max) {
		if (requested <= current) {
			return Math.max(0, requested);
		}
		return Math.min(requested, Math.max(current, max));
	}

}
