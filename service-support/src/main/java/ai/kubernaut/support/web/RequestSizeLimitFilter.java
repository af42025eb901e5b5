package ai.kubernaut.support.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import ai.kubernaut.support.problem.ApiProblemException;

/**
 * Answers 413 to a request whose declared body is larger than
 * {@code kubernaut.http.max-request-size}, before any of it is read. Runs after
 * authentication, so an unauthenticated sender learns nothing but 401.
 */
class RequestSizeLimitFilter extends OncePerRequestFilter {

	private final long maxBytes;

	private final HandlerExceptionResolver resolver;

	RequestSizeLimitFilter(long maxBytes, HandlerExceptionResolver resolver) {
		this.maxBytes = maxBytes;
		this.resolver = resolver;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.maxBytes) {
			this.resolver.resolveException(request, response, null,
					new ApiProblemException(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload Too Large",
							"The request body exceeds the limit of " + this.maxBytes + " bytes.")
						.with("limitBytes", this.maxBytes));
			return;
		}
		chain.doFilter(request, response);
	}

}
