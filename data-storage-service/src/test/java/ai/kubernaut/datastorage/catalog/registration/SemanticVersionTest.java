package ai.kubernaut.datastorage.catalog.registration;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SemanticVersionTest {

	@Test
	void ordersVersionsBySemVerPrecedence() {
		// The precedence example of SemVer 2.0.0, section 11, and numeric core parts.
		List<String> ascending = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
				"1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.9.0", "1.10.0", "2.0.0", "10.0.0");
		List<String> shuffled = new ArrayList<>(ascending);
		Collections.shuffle(shuffled, new Random(3));

		List<String> sorted = shuffled.stream().sorted((a, b) -> parse(a).compareTo(parse(b))).toList();

		assertThat(sorted).containsExactlyElementsOf(ascending);
	}

	@Test
	void ignoresBuildMetadata() {
		assertThat(parse("1.2.3+build.7").compareTo(parse("1.2.3+build.8"))).isZero();
		assertThat(parse("1.2.3+build.7").isNewerThan(parse("1.2.3"))).isFalse();
		assertThat(parse("1.2.4").isNewerThan(parse("1.2.3+build.7"))).isTrue();
	}

	@Test
	void refusesWhatIsNotASemanticVersion() {
		for (String invalid : List.of("v1.0.0", "1.0", "01.0.0", "1.0.0-", "latest")) {
			assertThatIllegalArgumentException().isThrownBy(() -> SemanticVersion.parse(invalid));
		}
	}

	private static SemanticVersion parse(String version) {
		return SemanticVersion.parse(version);
	}

}
