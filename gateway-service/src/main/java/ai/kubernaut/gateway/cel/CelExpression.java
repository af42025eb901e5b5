package ai.kubernaut.gateway.cel;

import java.util.Map;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;

/**
 * A CEL expression over what the gateway knows about a signal, compiled once (so a typo
 * in configuration fails at startup, not at 3 a.m.) and evaluated per signal.
 *
 * <p>
 * Variables, all maps:
 * <ul>
 * <li>{@code alert}: {@code name}, {@code severity} (normalised), {@code labels},
 * {@code annotations}</li>
 * <li>{@code namespace}: {@code name}, {@code labels}</li>
 * <li>{@code workload}: the top-level owner's {@code kind}, {@code name}, {@code labels},
 * {@code annotations}, {@code revision} (int, the Deployment revision, 0 when
 * unknown)</li>
 * <li>{@code classification}: {@code environment}, {@code priority}</li>
 * <li>{@code detected}: every detected label, booleans {@code false} and strings
 * {@code ""} when not detected, so {@code detected.helmManaged} never fails</li>
 * <li>{@code custom}: custom labels, key → list of values</li>
 * </ul>
 */
public final class CelExpression {

	static final Cel CEL = CelFactory.standardCelBuilder()
		.addVar("alert", MapType.create(SimpleType.STRING, SimpleType.DYN))
		.addVar("namespace", MapType.create(SimpleType.STRING, SimpleType.DYN))
		.addVar("workload", MapType.create(SimpleType.STRING, SimpleType.DYN))
		.addVar("classification", MapType.create(SimpleType.STRING, SimpleType.DYN))
		.addVar("detected", MapType.create(SimpleType.STRING, SimpleType.DYN))
		.addVar("custom", MapType.create(SimpleType.STRING, SimpleType.DYN))
		.build();

	private final String source;

	private final CelRuntime.Program program;

	private CelExpression(String source, CelRuntime.Program program) {
		this.source = source;
		this.program = program;
	}

	/**
	 * @throws IllegalArgumentException naming the problem when {@code source} does not
	 * compile
	 */
	public static CelExpression compile(String source) {
		try {
			CelValidationResult result = CEL.compile(source);
			CelAbstractSyntaxTree ast = result.getAst();
			return new CelExpression(source, CEL.createProgram(ast));
		}
		catch (CelValidationException | CelEvaluationException | RuntimeException ex) {
			throw new IllegalArgumentException("Invalid CEL expression '" + source + "': " + ex.getMessage(), ex);
		}
	}

	/**
	 * @throws IllegalStateException when evaluation fails (e.g. a missing map key)
	 */
	public Object evaluate(Map<String, ?> variables) {
		try {
			return this.program.eval(variables);
		}
		catch (CelEvaluationException ex) {
			throw new IllegalStateException("CEL expression '" + this.source + "' failed: " + ex.getMessage(), ex);
		}
	}

	public String source() {
		return this.source;
	}

	@Override
	public String toString() {
		return this.source;
	}

}
