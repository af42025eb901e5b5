package ai.kubernaut.datastorage.catalog.discovery;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Builds a {@link DiscoveryContext} from the query parameters all three discovery steps
 * share.
 */
@Component
class DiscoveryContexts {

	private final DiscoveryFilterParser parser;

	DiscoveryContexts(JsonMapper json) {
		this.parser = new DiscoveryFilterParser(json);
	}

	DiscoveryContext of(String severity, String component, String environment, String priority, String customLabels,
			String detectedLabels, String cluster) {
		return DiscoveryContext.of(severity, component, environment, priority, cluster,
				this.parser.customLabels(customLabels), this.parser.detectedLabels(detectedLabels));
	}

}
