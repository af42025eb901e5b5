package ai.kubernaut.gateway.classify;

import java.util.List;
import java.util.Map;

/**
 * Everything the gateway concluded about a signal before routing it.
 *
 * @param severity normalised: {@code critical|high|warning|info}
 * @param customLabels Kubernaut's list form, e.g. {@code {team: [payments]}}
 * @param detectedLabels only what was detected, e.g. {@code {pdbProtected: true}}
 * @param celVariables the variables CEL expressions see (see
 * {@link ai.kubernaut.gateway.cel.CelExpression})
 */
public record SignalContext(String severity, Classification classification, Map<String, List<String>> customLabels,
		Map<String, Object> detectedLabels, Map<String, Object> celVariables) {

	public SignalContext {
		customLabels = Map.copyOf(customLabels);
		detectedLabels = Map.copyOf(detectedLabels);
		celVariables = Map.copyOf(celVariables);
	}

}
