package ai.kubernaut.datastorage.catalog.registration;

import ai.kubernaut.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/**
 * A registration body the service will not read: too large, not decodable, not JSON, or
 * in a retired format.
 */
class RegistrationBodyException extends ApiProblemException {

	private RegistrationBodyException(HttpStatus status, String typeSlug, String title, String detail) {
		super(status, typeSlug, title, detail);
	}

	static RegistrationBodyException tooLarge(DataSize limit) {
		RegistrationBodyException ex = new RegistrationBodyException(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
				"Payload Too Large", "The registration body exceeds the limit of " + limit.toBytes() + " bytes.");
		ex.with("maxBytes", limit.toBytes());
		return ex;
	}

	static RegistrationBodyException malformed(String detail) {
		return new RegistrationBodyException(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed Request", detail);
	}

	static RegistrationBodyException legacyFormat(String field) {
		RegistrationBodyException ex = new RegistrationBodyException(HttpStatus.BAD_REQUEST, "legacy-format",
				"Legacy Format", "The field '" + field
						+ "' belongs to the retired registration format; send the RemediationWorkflow YAML as content.");
		ex.with("field", field);
		return ex;
	}

}
