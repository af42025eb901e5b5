package ai.kubernaut.datastorage.catalog.discovery;

import java.util.List;
import java.util.Map;

import ai.kubernaut.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;

/**
 * Offset pagination of discovery, with Kubernaut's bounds: {@code limit} 1..100 (default
 * 10); a negative {@code offset} is read as 0.
 */
record PageRequest(int offset, int limit) {

	static final int DEFAULT_LIMIT = 10;

	static final int MAX_LIMIT = 100;

	static PageRequest of(Integer offset, Integer limit) {
		int pageLimit = (limit != null) ? limit : DEFAULT_LIMIT;
		if (pageLimit < 1 || pageLimit > MAX_LIMIT) {
			String message = "must be between 1 and " + MAX_LIMIT + ", was " + pageLimit;
			throw new ApiProblemException(HttpStatus.BAD_REQUEST, "validation-error", "Validation Error",
					"Query parameter 'limit' " + message + ".")
				.with("errors", List.of(Map.of("field", "limit", "message", message)));
		}
		return new PageRequest((offset != null) ? Math.max(offset, 0) : 0, pageLimit);
	}

}
