package ai.kubernaut.datastorage.catalog.discovery;

import java.util.List;
import java.util.Map;

import ai.kubernaut.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;

/**
 * A JSON discovery parameter ({@code custom_labels}, {@code detected_labels}) that cannot
 * be read; Kubernaut's 400 {@code bad-request} "invalid discovery filter parameters".
 */
class InvalidDiscoveryFilterException extends ApiProblemException {

	InvalidDiscoveryFilterException(String field, String message) {
		super(HttpStatus.BAD_REQUEST, "bad-request", "Bad Request",
				"Invalid discovery filter parameters: query parameter '" + field + "' " + message + ".");
		with("errors", List.of(Map.of("field", field, "message", message)));
	}

}
