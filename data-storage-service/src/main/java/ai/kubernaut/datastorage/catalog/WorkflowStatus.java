package ai.kubernaut.datastorage.catalog;

import java.util.Arrays;

/**
 * Lifecycle status of a catalog row, stored as Kubernaut spells it ({@code Active},
 * {@code Superseded}, ...). Only {@link #ACTIVE} rows are discoverable.
 */
public enum WorkflowStatus {

	ACTIVE("Active"), DISABLED("Disabled"), DEPRECATED("Deprecated"), ARCHIVED("Archived"), SUPERSEDED("Superseded");

	private final String value;

	WorkflowStatus(String value) {
		this.value = value;
	}

	/**
	 * The value in the database and on the wire.
	 */
	public String value() {
		return this.value;
	}

	public static WorkflowStatus of(String value) {
		return Arrays.stream(values())
			.filter((status) -> status.value.equals(value))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown workflow status: " + value));
	}

}
