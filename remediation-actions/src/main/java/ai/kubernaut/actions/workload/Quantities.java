package ai.kubernaut.actions.workload;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import io.fabric8.kubernetes.api.model.Quantity;

/**
 * Arithmetic on Kubernetes quantities that gives results a person would write:
 * {@code 64Mi × 2 = 128Mi}, {@code 500m × 1.5 = 750m}, {@code 1 × 2 = 2}.
 */
final class Quantities {

	private static final List<String> BINARY = List.of("Ti", "Gi", "Mi", "Ki");

	private Quantities() {
	}

	static BigDecimal amount(Quantity quantity) {
		return Quantity.getAmountInBytes(quantity);
	}

	/**
	 * {@code memory × factor}, rounded up to whole bytes, in the unit of {@code memory}
	 * when the result is whole in it, else in the largest binary unit that keeps it
	 * whole.
	 */
	static Quantity multiplyMemory(Quantity memory, BigDecimal factor) {
		BigDecimal bytes = amount(memory).multiply(factor).setScale(0, RoundingMode.CEILING);
		return memory(bytes, memory.getFormat());
	}

	static Quantity memory(BigDecimal bytes, String preferredFormat) {
		String format = (preferredFormat != null) ? preferredFormat : "";
		BigDecimal inFormat = inUnit(bytes, format);
		if (inFormat != null) {
			return new Quantity(inFormat.toPlainString(), format);
		}
		for (String unit : BINARY) {
			BigDecimal inUnit = inUnit(bytes, unit);
			if (inUnit != null) {
				return new Quantity(inUnit.toPlainString(), unit);
			}
		}
		return new Quantity(bytes.toPlainString());
	}

	/**
	 * {@code cpu × factor}, rounded up to whole millicores: whole cores when it is, else
	 * millicores.
	 */
	static Quantity multiplyCpu(Quantity cpu, BigDecimal factor) {
		BigDecimal millis = amount(cpu).multiply(factor)
			.multiply(BigDecimal.valueOf(1000))
			.setScale(0, RoundingMode.CEILING);
		if (millis.remainder(BigDecimal.valueOf(1000)).signum() == 0) {
			return new Quantity(millis.divide(BigDecimal.valueOf(1000)).toPlainString());
		}
		return new Quantity(millis.toPlainString(), "m");
	}

	private static BigDecimal inUnit(BigDecimal bytes, String unit) {
		BigDecimal size = amount(new Quantity("1", unit));
		BigDecimal[] division = bytes.divideAndRemainder(size);
		return (division[1].signum() == 0) ? division[0].stripTrailingZeros().setScale(0, RoundingMode.UNNECESSARY)
				: null;
	}

}
