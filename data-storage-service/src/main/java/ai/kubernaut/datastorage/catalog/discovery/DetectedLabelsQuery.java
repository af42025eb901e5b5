package ai.kubernaut.datastorage.catalog.discovery;

import java.util.Map;
import java.util.Set;

import ai.kubernaut.datastorage.catalog.discovery.LabelWeights.DetectedLabel;

/**
 * The incident's detected labels, as a discovery query gives them.
 *
 * @param flags the boolean labels that are {@code true}; a {@code false} one is the same
 * as an absent one
 * @param values the non-empty string labels
 */
record DetectedLabelsQuery(Set<DetectedLabel> flags, Map<DetectedLabel, String> values) {

	static final DetectedLabelsQuery NONE = new DetectedLabelsQuery(Set.of(), Map.of());

	DetectedLabelsQuery {
		flags = Set.copyOf(flags);
		values = Map.copyOf(values);
	}

	boolean isEmpty() {
		return this.flags.isEmpty() && this.values.isEmpty();
	}

}
