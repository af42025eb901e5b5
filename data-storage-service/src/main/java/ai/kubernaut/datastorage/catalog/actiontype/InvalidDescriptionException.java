package ai.kubernaut.datastorage.catalog.actiontype;

import java.util.List;
import java.util.Map;

import ai.kubernaut.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;

/**
 * A description update without the parts every action type must have.
 */
class InvalidDescriptionException extends ApiProblemException {

	InvalidDescriptionException(String field) {
		super(HttpStatus.BAD_REQUEST, "validation-error", "Validation Error",
				"Field '" + field + "' is required and must not be blank.");
		with("errors", List.of(Map.of("field", field, "message", "is required and must not be blank")));
	}

}
