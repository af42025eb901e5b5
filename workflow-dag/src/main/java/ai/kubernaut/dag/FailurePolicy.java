package ai.kubernaut.dag;

/**
 * What a failed step means for the steps that do not depend on it. Dependents of a failed
 * or skipped step are always skipped.
 */
public enum FailurePolicy {

	/**
	 * After the first failure no new step starts anywhere; steps already running finish,
	 * every pending step is skipped. The safe default when steps change a live cluster: a
	 * failure means the picture is no longer the one the workflow was chosen for.
	 */
	FAIL_FAST,
	/**
	 * Branches that do not depend on the failed step go on running; only its dependents
	 * are skipped.
	 */
	CONTINUE_INDEPENDENT

}
