package ai.kubernaut.engine.execution;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.kubernaut.dag.workflow.ConditionCompiler;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;

/**
 * Step conditions in CEL, type-checked at submission: three variables, {@code params},
 * {@code target} and {@code steps}, each a map from string to any value, and a boolean
 * result. Thread-safe.
 */
class CelConditions implements ConditionCompiler {

	private final CelCompiler compiler = CelCompilerFactory.standardCelCompilerBuilder()
		.addVar("params", MapType.create(SimpleType.STRING, SimpleType.DYN))
		.addVar("target", MapType.create(SimpleType.STRING, SimpleType.DYN))
		.addVar("steps", MapType.create(SimpleType.STRING, SimpleType.DYN))
		.setResultType(SimpleType.BOOL)
		.build();

	private final CelRuntime runtime = CelRuntimeFactory.standardCelRuntimeBuilder().build();

	@Override
	public Condition compile(String expression) {
		CelValidationResult result = this.compiler.compile(expression);
		if (result.hasError()) {
			throw new IllegalArgumentException(result.getErrorString());
		}
		CelRuntime.Program program;
		try {
			CelAbstractSyntaxTree ast = result.getAst();
			program = this.runtime.createProgram(ast);
		}
		catch (CelValidationException | CelEvaluationException ex) {
			throw new IllegalArgumentException(ex.getMessage(), ex);
		}
		return (variables) -> {
			try {
				return Boolean.TRUE.equals(program.eval(celValues(variables)));
			}
			catch (CelEvaluationException ex) {
				throw new IllegalArgumentException(ex.getMessage(), ex);
			}
		};
	}

	// CEL knows 64-bit integers and doubles only; JSON gives Integers and the like.
	@SuppressWarnings("unchecked")
	private static <T> T celValues(T value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> converted = new LinkedHashMap<>();
			map.forEach((key, item) -> converted.put(String.valueOf(key), celValues(item)));
			return (T) converted;
		}
		if (value instanceof List<?> list) {
			return (T) list.stream().map(CelConditions::celValues).toList();
		}
		if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
			return (T) Long.valueOf(((Number) value).longValue());
		}
		if (value instanceof Float number) {
			return (T) Double.valueOf(number.doubleValue());
		}
		return value;
	}

}
