package ai.kubernaut.gateway.intake;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Completes the shared {@code kubernaut.http.max-request-size} limit for signal bodies
 * that declare no length. The shared filter refuses a declared {@code Content-Length}
 * over the limit before anything is read, but a chunked request declares none, so here
 * such a body is read with a hard bound and refused with the same 413 when it goes over.
 * Requests with a declared length pass untouched. Registered after the security filters,
 * so an unauthenticated sender never gets its body read.
 */
class UndeclaredLengthLimitFilter extends OncePerRequestFilter {

	private final DataSize limit;

	private final HandlerExceptionResolver problems;

	UndeclaredLengthLimitFilter(DataSize limit, HandlerExceptionResolver problems) {
		this.limit = limit;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() >= 0) {
			chain.doFilter(request, response);
			return;
		}
		long max = this.limit.toBytes();
		byte[] body = request.getInputStream().readNBytes(Math.toIntExact(max + 1));
		if (body.length > max) {
			this.problems.resolveException(request, response, null, new PayloadTooLargeException(this.limit));
			return;
		}
		chain.doFilter(new BufferedBodyRequest(request, body), response);
	}

	private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		BufferedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("The body is already buffered");
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			Charset charset = (getCharacterEncoding() != null) ? Charset.forName(getCharacterEncoding())
					: StandardCharsets.UTF_8;
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
