package ai.kubernaut.approval.request;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import ai.kubernaut.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;

/**
 * A field the annotations cannot check lies outside what this service accepts. Rendered
 * like a bean-validation failure so clients handle it the same way.
 */
class InvalidFieldException extends ApiProblemException {

	private InvalidFieldException(String field, String message) {
		super(HttpStatus.BAD_REQUEST, "validation-error", "Validation Error",
				"The request is invalid: " + field + ": " + message);
		with("errors", List.of(Map.of("field", field, "message", message)));
	}

	static InvalidFieldException of(String field, String message) {
		return new InvalidFieldException(field, message);
	}

	static InvalidFieldException expiresIn(Duration requested, Duration min, Duration max) {
		return new InvalidFieldException("expiresIn", "must be between " + min + " and " + max + ", was " + requested);
	}

}
