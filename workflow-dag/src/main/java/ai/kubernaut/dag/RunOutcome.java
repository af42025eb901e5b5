package ai.kubernaut.dag;

/**
 * How a finished run ended.
 */
public enum RunOutcome {

	/** No step failed. Skipped steps do not make a run fail. */
	SUCCEEDED,
	/** At least one step failed. */
	FAILED

}
