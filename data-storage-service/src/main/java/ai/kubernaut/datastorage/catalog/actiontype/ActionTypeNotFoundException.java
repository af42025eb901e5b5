package ai.kubernaut.datastorage.catalog.actiontype;

import ai.kubernaut.support.problem.NotFoundException;

/**
 * No action type of that name, or (for updates) only a Disabled one.
 */
class ActionTypeNotFoundException extends NotFoundException {

	ActionTypeNotFoundException(String actionType) {
		super("action-type-not-found", "Action type not found: " + actionType);
	}

}
