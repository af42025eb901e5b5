package ai.kubernaut.support.problem;

import java.net.URI;

/**
 * Stable {@code type} URIs of RFC 9457 problem documents. Clients may switch on them;
 * never rename one.
 */
public final class ProblemTypes {

	public static final String BASE = "https://kubernaut.ai/problems/";

	public static final URI VALIDATION_ERROR = of("validation-error");

	public static final URI MALFORMED_REQUEST = of("malformed-request");

	public static final URI UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type");

	public static final URI NOT_ACCEPTABLE = of("not-acceptable");

	public static final URI METHOD_NOT_ALLOWED = of("method-not-allowed");

	public static final URI NOT_FOUND = of("not-found");

	public static final URI PAYLOAD_TOO_LARGE = of("payload-too-large");

	public static final URI UNAUTHORIZED = of("unauthorized");

	public static final URI FORBIDDEN = of("forbidden");

	public static final URI CONFLICT = of("conflict");

	public static final URI UPSTREAM_ERROR = of("upstream-error");

	public static final URI UPSTREAM_UNAVAILABLE = of("upstream-unavailable");

	public static final URI INTERNAL_ERROR = of("internal-error");

	private ProblemTypes() {
	}

	public static URI of(String slug) {
		return URI.create(BASE + slug);
	}

}
