package ai.kubernaut.datastorage.catalog.lifecycle;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import ai.kubernaut.datastorage.catalog.WorkflowStatus;

/**
 * The operator's lifecycle moves of a catalog row, as one transition table: the statuses
 * each move starts from and the one it ends in. A move to the status the row already has
 * changes nothing. {@code Superseded}, {@code Deprecated} and {@code Archived} rows are
 * final: a superseded version comes back only by registering it again, and a retired one
 * only as a new version.
 */
enum LifecycleAction {

	DISABLE(WorkflowStatus.DISABLED), ENABLE(WorkflowStatus.ACTIVE), DEPRECATE(WorkflowStatus.DEPRECATED);

	private static final Map<WorkflowStatus, Set<WorkflowStatus>> ALLOWED = Map.of(WorkflowStatus.ACTIVE,
			Set.of(WorkflowStatus.DISABLED, WorkflowStatus.DEPRECATED), WorkflowStatus.DISABLED,
			Set.of(WorkflowStatus.ACTIVE, WorkflowStatus.DEPRECATED), WorkflowStatus.DEPRECATED, Set.of(),
			WorkflowStatus.SUPERSEDED, Set.of(), WorkflowStatus.ARCHIVED, Set.of());

	private final WorkflowStatus target;

	LifecycleAction(WorkflowStatus target) {
		this.target = target;
	}

	WorkflowStatus target() {
		return this.target;
	}

	/**
	 * The path segment naming the move ({@code disable}, {@code enable},
	 * {@code deprecate}).
	 */
	String segment() {
		return name().toLowerCase(Locale.ROOT);
	}

	boolean allowedFrom(WorkflowStatus from) {
		return from == this.target || ALLOWED.get(from).contains(this.target);
	}

	static Optional<LifecycleAction> ofSegment(String segment) {
		return Arrays.stream(values()).filter((action) -> action.segment().equals(segment)).findFirst();
	}

}
