package ai.kubernaut.datastorage.catalog.registration;

import java.util.function.Function;
import java.util.function.Supplier;

import ai.kubernaut.support.problem.ApiProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts registrations as {@code kubernaut_catalog_registrations_total{kind, outcome}};
 * outcome is what happened ({@code created}, {@code existing}, {@code reactivated}, ...)
 * or why it was refused ({@code invalid}, {@code conflict}, {@code too-large}).
 */
class RegistrationMetrics {

	private final MeterRegistry registry;

	RegistrationMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	<T> T count(String kind, Supplier<T> registration, Function<T, String> outcome) {
		try {
			T result = registration.get();
			increment(kind, outcome.apply(result));
			return result;
		}
		catch (ApiProblemException ex) {
			increment(kind, refusal(ex));
			throw ex;
		}
	}

	private void increment(String kind, String outcome) {
		Counter.builder("kubernaut.catalog.registrations")
			.description("Catalog registrations by kind and outcome")
			.tag("kind", kind)
			.tag("outcome", outcome)
			.register(this.registry)
			.increment();
	}

	private static String refusal(ApiProblemException ex) {
		return switch (ex.status().value()) {
			case 409 -> "conflict";
			case 413 -> "too-large";
			default -> "invalid";
		};
	}

}
