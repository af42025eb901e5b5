package ai.kubernaut.gateway.intake;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import ai.kubernaut.support.problem.ApiProblemException;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import static org.assertj.core.api.Assertions.assertThat;

class IntakeLimitFilterTest {

	private final AtomicInteger rejected = new AtomicInteger();

	private final HandlerExceptionResolver problems = (request, response, handler, ex) -> {
		this.rejected.incrementAndGet();
		response.setStatus(((ApiProblemException) ex).status().value());
		return new ModelAndView();
	};

	@Test
	void answers429WithRetryAfterWhileEverySlotIsTaken() throws Exception {
		IntakeLimitFilter filter = new IntakeLimitFilter(1, Duration.ZERO, this.problems);
		MockHttpServletResponse inner = new MockHttpServletResponse();

		// The second request arrives while the first holds the only slot.
		filter.doFilter(post(), new MockHttpServletResponse(),
				(request, response) -> filter.doFilter(post(), inner, (r, s) -> {
				}));

		assertThat(inner.getStatus()).isEqualTo(429);
		assertThat(inner.getHeader("Retry-After")).isEqualTo("1");
		assertThat(this.rejected).hasValue(1);
	}

	@Test
	void freesTheSlotWhenTheRequestIsDone() throws Exception {
		IntakeLimitFilter filter = new IntakeLimitFilter(1, Duration.ZERO, this.problems);
		MockHttpServletResponse second = new MockHttpServletResponse();

		filter.doFilter(post(), new MockHttpServletResponse(), (request, response) -> {
		});
		filter.doFilter(post(), second, (request, response) -> ((MockHttpServletResponse) response).setStatus(201));

		assertThat(second.getStatus()).isEqualTo(201);
		assertThat(this.rejected).hasValue(0);
	}

	private static MockHttpServletRequest post() {
		return new MockHttpServletRequest("POST", "/api/v1/signals/prometheus");
	}

}
