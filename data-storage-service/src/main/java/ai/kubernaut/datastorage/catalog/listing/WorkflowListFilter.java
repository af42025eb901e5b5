package ai.kubernaut.datastorage.catalog.listing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.kubernaut.datastorage.catalog.WorkflowStatus;
import ai.kubernaut.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;

/**
 * The operator list's query: exact filters and offset pagination with Kubernaut's handler
 * bounds ({@code limit} 1..100, default 50). Label filters keep workflows whose label
 * holds the value or {@code "*"}; component and priority compare case-insensitively as
 * discovery does, environment case-sensitively as Kubernaut's list does. Blank parameters
 * leave their dimension unconstrained.
 */
record WorkflowListFilter(WorkflowStatus status, String environment, String priority, String component,
		String workflowName, int limit, int offset) {

	static final int DEFAULT_LIMIT = 50;

	static final int MAX_LIMIT = 100;

	static WorkflowListFilter of(String status, String environment, String priority, String component,
			String workflowName, Integer limit, Integer offset) {
		int pageLimit = (limit != null) ? limit : DEFAULT_LIMIT;
		if (pageLimit < 1 || pageLimit > MAX_LIMIT) {
			throw invalid("limit", "must be between 1 and " + MAX_LIMIT + ", was " + pageLimit);
		}
		int pageOffset = (offset != null) ? offset : 0;
		if (pageOffset < 0) {
			throw invalid("offset", "must not be negative, was " + pageOffset);
		}
		return new WorkflowListFilter(status(status), blankToNull(environment), blankToNull(priority),
				blankToNull(component), blankToNull(workflowName), pageLimit, pageOffset);
	}

	/**
	 * The SQL condition over a catalog row aliased {@code w}, with {@link #params()}.
	 */
	String condition() {
		List<String> conditions = new ArrayList<>();
		if (this.status != null) {
			conditions.add("w.status = :status");
		}
		if (this.environment != null) {
			conditions.add("""
					(w.labels -> 'environment' @> to_jsonb(cast(:environment as text)) \
					OR w.labels -> 'environment' @> to_jsonb(cast('*' as text)))""");
		}
		if (this.priority != null) {
			conditions.add(caseInsensitive("priority"));
		}
		if (this.component != null) {
			conditions.add(caseInsensitive("component"));
		}
		if (this.workflowName != null) {
			conditions.add("w.workflow_name = :workflowName");
		}
		return conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions);
	}

	Map<String, Object> params() {
		Map<String, Object> params = new LinkedHashMap<>();
		if (this.status != null) {
			params.put("status", this.status.value());
		}
		if (this.environment != null) {
			params.put("environment", this.environment);
		}
		if (this.priority != null) {
			params.put("priority", this.priority);
		}
		if (this.component != null) {
			params.put("component", this.component);
		}
		if (this.workflowName != null) {
			params.put("workflowName", this.workflowName);
		}
		return params;
	}

	/**
	 * {@code label} is a fixed name, never request input; {@code labels_ci} is the
	 * lower-cased copy of the labels kept by PostgreSQL.
	 */
	private static String caseInsensitive(String label) {
		return """
				(w.labels_ci -> '%1$s' @> to_jsonb(lower(cast(:%1$s as text))) \
				OR w.labels_ci -> '%1$s' @> to_jsonb(cast('*' as text)))""".formatted(label);
	}

	private static WorkflowStatus status(String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		return Arrays.stream(WorkflowStatus.values())
			.filter((candidate) -> candidate.value().equals(status))
			.findFirst()
			.orElseThrow(() -> invalid("status", "must be one of "
					+ Arrays.stream(WorkflowStatus.values()).map(WorkflowStatus::value).toList() + ", was " + status));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	private static ApiProblemException invalid(String field, String message) {
		return new ApiProblemException(HttpStatus.BAD_REQUEST, "validation-error", "Validation Error",
				"Query parameter '" + field + "' " + message + ".")
			.with("errors", List.of(Map.of("field", field, "message", message)));
	}

}
