package ai.kubernaut.gateway.intake;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The 207 Multi-Status answer to a notification carrying several alerts: one result per
 * alert, in order, and a summary, as Kubernaut's gateway answers it.
 */
public record BatchResponse(List<Result> results, Summary summary) {

	/**
	 * One alert's result: its index in the notification, the alert name, the single-alert
	 * body, and for an alert that could not be read, the error.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Result(int index, String alertName, @JsonUnwrapped SignalResponse response, String error) {
	}

	/**
	 * Counts by outcome; {@code failed} includes alerts that could not be read.
	 */
	public record Summary(int total, int created, int deduplicated, int rejected, int ignored, int failed) {
	}

	public static BatchResponse of(List<Result> results) {
		int created = 0;
		int deduplicated = 0;
		int rejected = 0;
		int ignored = 0;
		int failed = 0;
		for (Result result : results) {
			String status = (result.response() != null) ? result.response().status() : "failed";
			switch (status) {
				case "created" -> created++;
				case "duplicate" -> deduplicated++;
				case "rejected" -> rejected++;
				case "ignored" -> ignored++;
				default -> failed++;
			}
		}
		return new BatchResponse(List.copyOf(results),
				new Summary(results.size(), created, deduplicated, rejected, ignored, failed));
	}

}
