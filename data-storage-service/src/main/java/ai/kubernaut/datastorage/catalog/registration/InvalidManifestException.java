package ai.kubernaut.datastorage.catalog.registration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.kubernaut.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;

/**
 * A registration body that is not a valid Kubernaut custom resource. Carries every
 * violation found, so an author fixes them in one round trip.
 */
class InvalidManifestException extends ApiProblemException {

	private final List<Violation> violations;

	InvalidManifestException(List<Violation> violations) {
		super(HttpStatus.BAD_REQUEST, "validation-error", "Validation Error", detail(violations));
		this.violations = List.copyOf(violations);
		with("errors", this.violations.stream().map(InvalidManifestException::asMap).toList());
	}

	static InvalidManifestException of(String field, String message) {
		return new InvalidManifestException(List.of(new Violation(field, message)));
	}

	List<Violation> violations() {
		return this.violations;
	}

	private static String detail(List<Violation> violations) {
		StringBuilder detail = new StringBuilder("The manifest is invalid (").append(violations.size())
			.append((violations.size() == 1) ? " error): " : " errors): ");
		for (int i = 0; i < violations.size(); i++) {
			detail.append((i > 0) ? "; " : "")
				.append(violations.get(i).field())
				.append(' ')
				.append(violations.get(i).message());
		}
		return detail.toString();
	}

	private static Map<String, String> asMap(Violation violation) {
		Map<String, String> error = new LinkedHashMap<>();
		error.put("field", violation.field());
		error.put("message", violation.message());
		return error;
	}

}
