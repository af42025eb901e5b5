package ai.kubernaut.datastorage.catalog.registration;

import java.math.BigInteger;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version ordered by SemVer 2.0.0 precedence: major, minor and patch
 * numerically; a pre-release ranks below its release; pre-release identifiers compare
 * numerically when both are numeric, else as ASCII text, numeric below text, and a
 * shorter list below a longer one it prefixes. Build metadata does not count, so
 * {@code 1.0.0+a} and {@code 1.0.0+b} have the same precedence.
 */
record SemanticVersion(BigInteger major, BigInteger minor, BigInteger patch,
		List<String> preRelease) implements Comparable<SemanticVersion> {

	private static final Pattern FORM = Pattern.compile("^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
			+ "(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?$");

	private static final Pattern NUMERIC = Pattern.compile("^\\d+$");

	/**
	 * @throws IllegalArgumentException when {@code version} is not a semantic version
	 */
	static SemanticVersion parse(String version) {
		Matcher matcher = FORM.matcher(version);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("Not a semantic version: " + version);
		}
		List<String> preRelease = (matcher.group(4) != null) ? List.of(matcher.group(4).split("\\.")) : List.of();
		return new SemanticVersion(new BigInteger(matcher.group(1)), new BigInteger(matcher.group(2)),
				new BigInteger(matcher.group(3)), preRelease);
	}

	boolean isNewerThan(SemanticVersion other) {
		return compareTo(other) > 0;
	}

	@Override
	public int compareTo(SemanticVersion other) {
		int core = this.major.compareTo(other.major);
		core = (core != 0) ? core : this.minor.compareTo(other.minor);
		core = (core != 0) ? core : this.patch.compareTo(other.patch);
		if (core != 0) {
			return core;
		}
		if (this.preRelease.isEmpty() || other.preRelease.isEmpty()) {
			return Boolean.compare(this.preRelease.isEmpty(), other.preRelease.isEmpty());
		}
		for (int i = 0; i < Math.min(this.preRelease.size(), other.preRelease.size()); i++) {
			int identifier = compareIdentifiers(this.preRelease.get(i), other.preRelease.get(i));
			if (identifier != 0) {
				return identifier;
			}
		}
		return Integer.compare(this.preRelease.size(), other.preRelease.size());
	}

	private static int compareIdentifiers(String left, String right) {
		boolean leftNumeric = NUMERIC.matcher(left).matches();
		boolean rightNumeric = NUMERIC.matcher(right).matches();
		if (leftNumeric && rightNumeric) {
			return new BigInteger(left).compareTo(new BigInteger(right));
		}
		if (leftNumeric != rightNumeric) {
			return leftNumeric ? -1 : 1;
		}
		return left.compareTo(right);
	}

}
