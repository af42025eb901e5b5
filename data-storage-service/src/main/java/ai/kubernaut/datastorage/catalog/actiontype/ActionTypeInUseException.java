package ai.kubernaut.datastorage.catalog.actiontype;

import java.util.List;

import ai.kubernaut.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;

/**
 * Disabling an action type that Active workflows still use would leave them
 * undiscoverable without anyone deciding so; they must be disabled or deprecated first.
 */
class ActionTypeInUseException extends ApiProblemException {

	ActionTypeInUseException(String actionType, long count, List<String> workflows) {
		super(HttpStatus.CONFLICT, "action-type-in-use", "Action Type In Use", "Action type " + actionType
				+ " is used by " + count + " active workflow(s); disable or deprecate them first.");
		with("actionType", actionType).with("dependentWorkflowCount", count).with("dependentWorkflows", workflows);
	}

}
