package ai.kubernaut.gateway.intake;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import ai.kubernaut.support.problem.ApiProblemException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Bounds the signal requests processed at once. Over the bound the sender gets 429 with
 * {@code Retry-After} instead of queueing in Tomcat's accept backlog, where it would time
 * out without an answer; Alertmanager retries a 429.
 */
class IntakeLimitFilter extends OncePerRequestFilter {

	private final Semaphore slots;

	private final Duration wait;

	private final HandlerExceptionResolver problems;

	IntakeLimitFilter(int maxConcurrent, Duration wait, HandlerExceptionResolver problems) {
		this.slots = new Semaphore(maxConcurrent);
		this.wait = wait;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean acquired;
		try {
			acquired = this.slots.tryAcquire(this.wait.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			acquired = false;
		}
		if (!acquired) {
			response.setHeader("Retry-After", "1");
			this.problems.resolveException(request, response, null,
					new ApiProblemException(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too Many Requests",
							"The gateway is processing as many signals as it is configured to; retry shortly."));
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.slots.release();
		}
	}

}
