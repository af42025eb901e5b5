package ai.kubernaut.support.problem;

import java.net.URI;
import java.time.Duration;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Renders every error as an RFC 9457 problem document with a stable {@code type} under
 * {@link ProblemTypes#BASE}. Framework errors (bad JSON, wrong media type, failed
 * validation) name the offending field; domain errors come as
 * {@link ApiProblemException}; unexpected ones become a 500 that leaks nothing but a log
 * correlation id.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	@ExceptionHandler(ApiProblemException.class)
	ResponseEntity<ProblemDetail> apiProblem(ApiProblemException ex) {
		return ResponseEntity.status(ex.status()).body(ex.toProblemDetail());
	}

	@ExceptionHandler(AuthenticationException.class)
	ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException ex) {
		ProblemDetail problem = problem(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, "Unauthorized",
				"A valid bearer token is required: " + ex.getMessage());
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"kubernaut\"")
			.body(problem);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> forbidden(AccessDeniedException ex) {
		return ResponseEntity.status(HttpStatus.FORBIDDEN)
			.body(problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden",
					"The token is valid but lacks the role this operation needs."));
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
		List<Map<String, String>> errors = ex.getConstraintViolations()
			.stream()
			.map((v) -> Map.of("field", lastNode(v.getPropertyPath().toString()), "message", v.getMessage()))
			.toList();
		return validationProblem(errors);
	}

	@ExceptionHandler(RemoteServiceException.class)
	ResponseEntity<ProblemDetail> remote(RemoteServiceException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_GATEWAY, ProblemTypes.UPSTREAM_ERROR, "Upstream Error",
				ex.getMessage());
		problem.setProperty("service", ex.service());
		problem.setProperty("upstreamStatus", ex.status().value());
		return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(problem);
	}

	@ExceptionHandler(ResourceAccessException.class)
	ResponseEntity<ProblemDetail> unreachable(ResourceAccessException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.body(problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UPSTREAM_UNAVAILABLE, "Upstream Unavailable",
					"A service this request depends on did not answer: " + ex.getMostSpecificCause().getMessage()));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		String errorId = UUID.randomUUID().toString();
		log.error("Unhandled error {}", errorId, ex);
		ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL_ERROR,
				"Internal Server Error", "An unexpected error occurred; it was logged with errorId " + errorId + ".");
		problem.setProperty("errorId", errorId);
		return ResponseEntity.internalServerError().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			errors.add(Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())));
		}
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach((error) -> errors
				.add(Map.of("field", error.getObjectName(), "message", String.valueOf(error.getDefaultMessage()))));
		return ResponseEntity.badRequest().body(validationProblem(errors).getBody());
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach((result) -> {
			String name = result.getMethodParameter().getParameterName();
			result.getResolvableErrors()
				.forEach((error) -> errors.add(Map.of("field",
						(error instanceof FieldError fieldError) ? fieldError.getField() : String.valueOf(name),
						"message", String.valueOf(error.getDefaultMessage()))));
		});
		return ResponseEntity.badRequest().body(validationProblem(errors).getBody());
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "Malformed Request",
				describeUnreadable(ex));
		if (ex.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
			problem.setProperty("field", fieldPath(databind));
		}
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
			HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem && isBlank(problem.getType())) {
			problem.setType(typeFor(ex, statusCode));
		}
		return response;
	}

	private static URI typeFor(Exception ex, HttpStatusCode status) {
		if (ex instanceof HttpMediaTypeNotSupportedException) {
			return ProblemTypes.UNSUPPORTED_MEDIA_TYPE;
		}
		if (ex instanceof HttpMediaTypeNotAcceptableException) {
			return ProblemTypes.NOT_ACCEPTABLE;
		}
		if (ex instanceof HttpRequestMethodNotSupportedException) {
			return ProblemTypes.METHOD_NOT_ALLOWED;
		}
		if (ex instanceof NoResourceFoundException || status.value() == 404) {
			return ProblemTypes.NOT_FOUND;
		}
		if (status.value() == 413) {
			return ProblemTypes.PAYLOAD_TOO_LARGE;
		}
		if (status.value() == 409) {
			return ProblemTypes.CONFLICT;
		}
		if (status.is4xxClientError()) {
			return ProblemTypes.VALIDATION_ERROR;
		}
		return ProblemTypes.INTERNAL_ERROR;
	}

	private static String describeUnreadable(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getCause();
		if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
			String field = fieldPath(databind);
			String expected = (databind instanceof MismatchedInputException mismatch)
					? expected(mismatch.getTargetType()) : null;
			if (expected != null) {
				String got = (databind instanceof InvalidFormatException invalid && invalid.getValue() != null)
						? ", got '" + invalid.getValue() + "'" : "";
				return "Field '" + field + "' must be " + expected + got + ".";
			}
			return "Field '" + field + "' has an invalid value: " + clean(databind.getOriginalMessage());
		}
		if (cause instanceof JacksonException jackson) {
			String where = (jackson.getLocation() != null) ? " at line " + jackson.getLocation().getLineNr()
					+ ", column " + jackson.getLocation().getColumnNr() : "";
			return "The request body is not valid JSON" + where + ": " + clean(jackson.getOriginalMessage());
		}
		return (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing"))
				? "The request body is missing." : "The request body could not be read.";
	}

	/**
	 * What a JSON value for {@code type} must look like, in the words of the API rather
	 * than of Java.
	 */
	private static String expected(Class<?> type) {
		if (type == null) {
			return null;
		}
		if (type.isEnum()) {
			return "one of " + Arrays.toString(type.getEnumConstants());
		}
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "an array";
		}
		if (Map.class.isAssignableFrom(type) || type.isRecord()) {
			return "an object";
		}
		if (CharSequence.class.isAssignableFrom(type)) {
			return "a string";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
			return "a number";
		}
		if (Temporal.class.isAssignableFrom(type)) {
			return "an RFC 3339 timestamp such as 2026-01-31T12:00:00Z";
		}
		if (type == Duration.class) {
			return "an ISO-8601 duration such as PT15M";
		}
		if (type == UUID.class) {
			return "a UUID";
		}
		return null;
	}

	/**
	 * Jackson's messages end with where in the source the problem was and name Java
	 * types; neither helps a caller.
	 */
	private static String clean(String message) {
		if (message == null) {
			return "";
		}
		String cleaned = message;
		for (String tail : List.of(" (start marker at", "\n at [Source", " at [Source", "[Source:")) {
			int at = cleaned.indexOf(tail);
			if (at >= 0) {
				cleaned = cleaned.substring(0, at);
			}
		}
		return cleaned.replaceAll("`[\\w.$]+(<[^`]*>)?`", "the expected type").strip();
	}

	private static String fieldPath(DatabindException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference ref : ex.getPath()) {
			if (ref.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(ref.getPropertyName());
			}
			else if (ref.getIndex() >= 0) {
				path.append('[').append(ref.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static ResponseEntity<ProblemDetail> validationProblem(List<Map<String, String>> errors) {
		String fields = String.join(", ",
				errors.stream().map((e) -> e.get("field") + ": " + e.get("message")).toList());
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION_ERROR, "Validation Error",
				"The request is invalid: " + fields);
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return problem;
	}

	private static boolean isBlank(URI type) {
		return type == null || "about:blank".equals(type.toString());
	}

	private static String lastNode(String propertyPath) {
		int dot = propertyPath.lastIndexOf('.');
		return (dot >= 0) ? propertyPath.substring(dot + 1) : propertyPath;
	}

}
