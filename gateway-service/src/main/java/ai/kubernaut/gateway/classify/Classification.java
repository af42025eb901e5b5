package ai.kubernaut.gateway.classify;

/**
 * How urgent a signal is where it fired.
 *
 * @param environment e.g. {@code production}, {@code unknown} when nothing says
 * @param priority {@code P0} (most urgent) to {@code P3}
 */
public record Classification(String environment, String priority) {

}
