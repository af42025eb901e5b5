package ai.kubernaut.support.problem;

import org.springframework.http.HttpStatus;

/**
 * Something addressed by the request does not exist. The detail names what and which.
 */
public class NotFoundException extends ApiProblemException {

	public NotFoundException(String typeSlug, String detail) {
		super(HttpStatus.NOT_FOUND, typeSlug, "Not Found", detail);
	}

}
