package ai.kubernaut.contracts.audit;

import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * What was already tried on a target, so the engine does not repeat a failed fix.
 */
@HttpExchange(url = "/api/v1/remediation-history", accept = "application/json")
public interface RemediationHistoryApi {

	/**
	 * Past remediations of the target, newest first.
	 * @param targetNamespace empty or absent for a cluster-scoped target
	 * @param limit 1..100, default 20
	 */
	@GetExchange
	RemediationHistory history(@RequestParam String targetKind, @RequestParam String targetName,
			@RequestParam(required = false) String targetNamespace, @RequestParam(required = false) Integer limit);

}
