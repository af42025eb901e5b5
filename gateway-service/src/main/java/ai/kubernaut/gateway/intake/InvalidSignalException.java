package ai.kubernaut.gateway.intake;

import java.util.List;
import java.util.Map;

import ai.kubernaut.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;

/**
 * A payload an adapter cannot turn into a signal. Rendered like every other validation
 * problem: {@code errors:[{field, message}]}, with the field as a path into the payload
 * (e.g. {@code alerts[0].labels.alertname}).
 */
public class InvalidSignalException extends ApiProblemException {

	private final String field;

	public InvalidSignalException(String field, String message) {
		super(HttpStatus.BAD_REQUEST, "validation-error", "Validation Error",
				"The request is invalid: " + field + ": " + message);
		this.field = field;
		with("errors", List.of(Map.of("field", field, "message", message)));
	}

	public String field() {
		return this.field;
	}

}
