package ai.kubernaut.engine.kubernetes;

import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

/**
 * The CRUD mock server stores a write even when it is sent with {@code dryRun=All}; a
 * real API server validates it and stores nothing. This answers such writes with 200 and
 * leaves the store alone, so a dry-run execution can be checked end to end.
 */
final class DryRunHonouringDispatcher extends Dispatcher {

	private final Dispatcher delegate;

	DryRunHonouringDispatcher(Dispatcher delegate) {
		this.delegate = delegate;
	}

	@Override
	public MockResponse dispatch(RecordedRequest request) {
		String path = request.getPath();
		if (!"GET".equals(request.getMethod()) && path != null && path.matches(".*[?&]dryRun=All(&.*)?$")) {
			return new MockResponse().setResponseCode(200).addHeader("Content-Type: application/json").setBody("{}");
		}
		return this.delegate.dispatch(request);
	}

	@Override
	public void shutdown() {
		this.delegate.shutdown();
	}

}
