package ai.kubernaut.datastorage.catalog.lifecycle;

import java.util.List;
import java.util.Map;

import ai.kubernaut.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;

/**
 * A lifecycle move without a reason: every status change of a workflow must say why, for
 * the operator who finds it disabled at 3 a.m.
 */
class MissingReasonException extends ApiProblemException {

	MissingReasonException() {
		super(HttpStatus.BAD_REQUEST, "missing-reason", "Missing Reason",
				"Field 'reason' is required and must not be blank.");
		with("errors", List.of(Map.of("field", "reason", "message", "is required and must not be blank")));
	}

}
