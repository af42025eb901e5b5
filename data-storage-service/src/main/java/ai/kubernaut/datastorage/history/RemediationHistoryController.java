package ai.kubernaut.datastorage.history;

import java.util.List;
import java.util.Map;

import ai.kubernaut.contracts.audit.RemediationHistory;
import ai.kubernaut.contracts.audit.RemediationHistoryApi;
import ai.kubernaut.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/remediation-history}: what was already tried on a target.
 */
@RestController
class RemediationHistoryController implements RemediationHistoryApi {

	static final int DEFAULT_LIMIT = 20;

	static final int MAX_LIMIT = 100;

	private final RemediationHistoryQuery query;

	RemediationHistoryController(RemediationHistoryQuery query) {
		this.query = query;
	}

	@Override
	public RemediationHistory history(String targetKind, String targetName, String targetNamespace, Integer limit) {
		int max = (limit != null) ? limit : DEFAULT_LIMIT;
		if (max < 1 || max > MAX_LIMIT) {
			String message = "must be between 1 and " + MAX_LIMIT + ", was " + max;
			throw new ApiProblemException(HttpStatus.BAD_REQUEST, "validation-error", "Validation Error",
					"Query parameter 'limit' " + message + ".")
				.with("errors", List.of(Map.of("field", "limit", "message", message)));
		}
		requireText("targetKind", targetKind);
		requireText("targetName", targetName);
		String target = ((targetNamespace != null && !targetNamespace.isBlank()) ? targetNamespace.strip() + "/" : "")
				+ targetKind.strip() + "/" + targetName.strip();
		return new RemediationHistory(target, this.query.history(target, max));
	}

	private static void requireText(String field, String value) {
		if (value == null || value.isBlank()) {
			throw new ApiProblemException(HttpStatus.BAD_REQUEST, "validation-error", "Validation Error",
					"Query parameter '" + field + "' must not be empty.")
				.with("errors", List.of(Map.of("field", field, "message", "must not be empty")));
		}
	}

}
