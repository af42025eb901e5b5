package ai.kubernaut.engine.action;

import java.util.Collection;

/**
 * The catalog chose a workflow whose action type no native action implements.
 */
public class UnsupportedActionTypeException extends RuntimeException {

	public UnsupportedActionTypeException(String actionType, Collection<String> supported) {
		super("no native action implements action type " + actionType + "; supported: "
				+ supported.stream().sorted().toList());
	}

}
