package ai.kubernaut.support.problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A domain failure that maps to one RFC 9457 problem. Services extend it (e.g.
 * {@code RemediationNotFound}) so that the mapping to status and {@code type} lives
 * beside the failure, and one advice renders them all.
 */
public class ApiProblemException extends RuntimeException {

	private final HttpStatus status;

	private final URI type;

	private final String title;

	private final Map<String, Object> properties = new LinkedHashMap<>();

	public ApiProblemException(HttpStatus status, String typeSlug, String title, String detail) {
		super(detail);
		this.status = status;
		this.type = ProblemTypes.of(typeSlug);
		this.title = title;
	}

	/**
	 * Adds an extension member to the problem document, e.g. {@code remediationId}.
	 */
	public ApiProblemException with(String name, Object value) {
		this.properties.put(name, value);
		return this;
	}

	public HttpStatus status() {
		return this.status;
	}

	public ProblemDetail toProblemDetail() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(this.status, getMessage());
		problem.setType(this.type);
		problem.setTitle(this.title);
		this.properties.forEach(problem::setProperty);
		return problem;
	}

}
