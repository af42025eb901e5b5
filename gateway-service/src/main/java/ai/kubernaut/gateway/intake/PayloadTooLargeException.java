package ai.kubernaut.gateway.intake;

import ai.kubernaut.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

class PayloadTooLargeException extends ApiProblemException {

	PayloadTooLargeException(DataSize limit) {
		super(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload Too Large",
				"The request body exceeds the limit of " + limit.toBytes() + " bytes.");
		with("limitBytes", limit.toBytes());
	}

}
