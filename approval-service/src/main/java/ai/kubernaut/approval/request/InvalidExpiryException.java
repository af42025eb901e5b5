package ai.kubernaut.approval.request;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import ai.kubernaut.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;

/**
 * {@code expiresIn} lies outside the bounds this service accepts. Rendered like a
 * bean-validation failure so clients handle it the same way.
 */
class InvalidExpiryException extends ApiProblemException {

	InvalidExpiryException(Duration requested, Duration min, Duration max) {
		super(HttpStatus.BAD_REQUEST, "validation-error", "Validation Error",
				"The request is invalid: expiresIn: " + message(requested, min, max));
		with("errors", List.of(Map.of("field", "expiresIn", "message", message(requested, min, max))));
	}

	private static String message(Duration requested, Duration min, Duration max) {
		return "must be between " + min + " and " + max + ", was " + requested;
	}

}
