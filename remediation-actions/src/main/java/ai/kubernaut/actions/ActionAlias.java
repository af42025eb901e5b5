package ai.kubernaut.actions;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Another name for an existing action, e.g. {@code notify_only} for {@code notify}: the
 * action names Kubernaut's recommendations and older workflows use. An alias may pick its
 * target from the step's parameters ({@code restart_pod} with {@code strategy: rolling}
 * is a rolling restart of the owning Deployment, without it the deletion of one pod) and
 * may translate the parameters it receives into the target's.
 *
 * @param name the alias, lower snake case
 * @param description what the alias stands for, for the documentation and error messages
 * @param target chooses the target action's name from the step's parameters
 * @param translate turns the step's parameters into the target action's; applied before
 * the target is chosen
 */
public record ActionAlias(String name, String description, Function<Map<String, Object>, String> target,
		UnaryOperator<Map<String, Object>> translate) {

	public ActionAlias {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(target, "target");
		translate = (translate != null) ? translate : UnaryOperator.identity();
	}

	/**
	 * An alias that always means {@code target}, with the same parameters.
	 */
	public static ActionAlias of(String name, String target) {
		return new ActionAlias(name, "same as " + target, (parameters) -> target, null);
	}

}
