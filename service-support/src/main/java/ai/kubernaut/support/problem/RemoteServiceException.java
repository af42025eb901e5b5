package ai.kubernaut.support.problem;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Another Kubernaut service answered with an error. Carries its problem document so
 * callers can decide by {@code type} and status, and so the error can be reported
 * upstream without losing the cause.
 */
public class RemoteServiceException extends RuntimeException {

	private final String service;

	private final HttpStatusCode status;

	private final ProblemDetail problem;

	public RemoteServiceException(String service, HttpStatusCode status, ProblemDetail problem) {
		super(service + " answered " + status.value()
				+ ((problem != null && problem.getDetail() != null) ? ": " + problem.getDetail() : ""));
		this.service = service;
		this.status = status;
		this.problem = problem;
	}

	public String service() {
		return this.service;
	}

	public HttpStatusCode status() {
		return this.status;
	}

	/**
	 * The remote problem document, or {@code null} when the remote sent none.
	 */
	public ProblemDetail problem() {
		return this.problem;
	}

	public boolean isNotFound() {
		return this.status.value() == 404;
	}

}
