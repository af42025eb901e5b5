package ai.kubernaut.engine.action;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A replica count as a workflow parameter gives it: absolute ({@code "3"}) or relative to
 * the current count ({@code "+1"}, {@code "-1"}).
 */
record ReplicaChange(boolean relative, int amount) {

	private static final Pattern FORMAT = Pattern.compile("([+-])?(\\d{1,5})");

	static ReplicaChange parse(String text) {
		Matcher matcher = FORMAT.matcher((text != null) ? text.trim() : "");
		if (!matcher.matches()) {
			throw new IllegalArgumentException(
					"SCALE_REPLICAS must be a replica count such as 3 or a change such as +1 or -1, got '" + text
							+ "'");
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

}
