package ai.kubernaut.approval.request;

import org.springframework.boot.test.context.TestComponent;

/**
 * Lets tests in other packages run a sweep now, instead of waiting for the schedule.
 */
@TestComponent
public class ExpirySweeperAccess {

	private final ExpirySweeper sweeper;

	ExpirySweeperAccess(ExpirySweeper sweeper) {
		this.sweeper = sweeper;
	}

	public int sweep() {
		return this.sweeper.sweep();
	}

}
