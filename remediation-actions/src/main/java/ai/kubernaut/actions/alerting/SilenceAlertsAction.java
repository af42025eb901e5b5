package ai.kubernaut.actions.alerting;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import ai.kubernaut.actions.ActionContext;
import ai.kubernaut.actions.ActionParameter;
import ai.kubernaut.actions.RemediationAction;
import ai.kubernaut.actions.observe.Durations;

/**
 * Silences alerts in Alertmanager while a remediation works, through the v2 API
 * ({@code POST /api/v2/silences}), so the on-call engineer is not paged for what is being
 * fixed. Matchers come from {@code ALERT_NAME} (one name, or a list matched as
 * alternatives) and {@code MATCHERS} (label → value). The silence is created by
 * {@code kubernaut}, lasts {@code DURATION} (1h when absent, 24h at most), and its
 * comment carries the execution and step, which makes the action idempotent: a re-driven
 * attempt finds the active silence it created and does not add another. Its rollback
 * expires the silence ({@code expire_silence}).
 */
public class SilenceAlertsAction implements RemediationAction {

	public static final String NAME = "silence_alerts";

	public static final String CREATED_BY = "kubernaut";

	static final Duration DEFAULT_DURATION = Duration.ofHours(1);

	static final Duration MIN_DURATION = Duration.ofMinutes(1);

	static final Duration MAX_DURATION = Duration.ofHours(24);

	private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

	private final AlertmanagerClient alertmanager;

	private final Clock clock;

	public SilenceAlertsAction(AlertmanagerSettings settings, HttpClient http, Clock clock) {
		this.alertmanager = new AlertmanagerClient(settings, http);
		this.clock = clock;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<ActionParameter> parameters() {
		return List.of(ActionParameter.optional("ALERT_NAME", "alertname to silence; a list silences any of them"),
				ActionParameter.optional("MATCHERS", "More label matchers: a map, or \"label=value,label2=value2\""),
				ActionParameter.optional("DURATION", "How long, 1m to 24h; 1h when absent"),
				ActionParameter.optional("COMMENT", "Why; shown in Alertmanager"));
	}

	@Override
	public boolean mutating() {
		return true;
	}

	@Override
	public List<String> validate(Map<String, Object> parameters) {
		List<String> problems = new ArrayList<>();
		if (!this.alertmanager.configured()) {
			problems.add(NAME + " needs an Alertmanager: set " + AlertmanagerSettings.URL_PROPERTY);
		}
		try {
			if (matchers(parameters).isEmpty()) {
				problems.add(NAME + " needs ALERT_NAME or MATCHERS: a silence without matchers would mute everything");
			}
		}
		catch (IllegalArgumentException ex) {
			problems.add(ex.getMessage());
		}
		String duration = Durations.check("DURATION", parameters.get("DURATION"), MIN_DURATION, MAX_DURATION);
		if (duration != null) {
			problems.add(duration);
		}
		return problems;
	}

	@Override
	public Map<String, Object> execute(ActionContext context) {
		List<String> problems = validate(context.parameters());
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(String.join("; ", problems));
		}
		String marker = marker(context);
		Optional<Map<String, Object>> existing = this.alertmanager.silences()
			.stream()
			.filter((silence) -> CREATED_BY.equals(silence.get("createdBy")))
			.filter((silence) -> String.valueOf(silence.get("comment")).contains(marker))
			.filter((silence) -> silence.get("status") instanceof Map<?, ?> status
					&& "active".equals(status.get("state")))
			.findFirst();
		Map<String, Object> silence = silence(context);
		String id = existing.map((found) -> found.get("id").toString())
			.orElseGet(() -> this.alertmanager.create(silence));
		Map<String, Object> output = new LinkedHashMap<>();
		output.put("silenceId", id);
		output.put("matchers", silence.get("matchers"));
		output.put("endsAt", silence.get("endsAt"));
		output.put("alreadyApplied", existing.isPresent());
		output.put("rollback", Map.of("action", ExpireSilenceAction.NAME, "parameters", Map.of("SILENCE_ID", id)));
		return output;
	}

	@Override
	public Map<String, Object> preview(ActionContext context) {
		List<String> problems = validate(context.parameters());
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(String.join("; ", problems));
		}
		Map<String, Object> silence = silence(context);
		Map<String, Object> output = new LinkedHashMap<>();
		output.put("dryRun", true);
		output.put("wouldCreate", silence);
		output.put("changes", List.of("Alertmanager silence " + describe(silence) + " until " + silence.get("endsAt")));
		return output;
	}

	private Map<String, Object> silence(ActionContext context) {
		Instant now = this.clock.instant();
		Duration duration = Durations.parameter(context, "DURATION", DEFAULT_DURATION, MIN_DURATION, MAX_DURATION);
		String comment = context.optional("COMMENT").orElse("Remediation in progress");
		Map<String, Object> silence = new LinkedHashMap<>();
		silence.put("matchers", matchers(context.parameters()));
		silence.put("startsAt", now.toString());
		silence.put("endsAt", now.plus(duration).toString());
		silence.put("createdBy", CREATED_BY);
		silence.put("comment", comment + " " + marker(context));
		return silence;
	}

	private static String marker(ActionContext context) {
		return "[kubernaut " + context.remediationId() + "/" + context.stepId() + "]";
	}

	private static String describe(Map<String, Object> silence) {
		List<String> parts = new ArrayList<>();
		for (Object matcher : (List<?>) silence.get("matchers")) {
			Map<?, ?> m = (Map<?, ?>) matcher;
			parts.add(m.get("name") + (Boolean.TRUE.equals(m.get("isRegex")) ? "=~" : "=") + "\"" + m.get("value")
					+ "\"");
		}
		return "{" + String.join(", ", parts) + "}";
	}

	static List<Map<String, Object>> matchers(Map<String, Object> parameters) {
		List<Map<String, Object>> matchers = new ArrayList<>();
		Object alertName = parameters.get("ALERT_NAME");
		if (alertName instanceof Collection<?> names && !names.isEmpty()) {
			// Alertmanager anchors regex matchers, so alternatives of quoted names match
			// exactly those alerts.
			matchers.add(matcher("alertname",
					String.join("|", names.stream().map(Object::toString).map(Pattern::quote).toList()), true));
		}
		else if (alertName != null && !alertName.toString().isBlank()) {
			matchers.add(matcher("alertname", alertName.toString().trim(), false));
		}
		Object extra = parameters.get("MATCHERS");
		Map<String, String> labels = new LinkedHashMap<>();
		if (extra instanceof Map<?, ?> map) {
			map.forEach((key, value) -> labels.put(key.toString().trim(), String.valueOf(value).trim()));
		}
		else if (extra != null && !extra.toString().isBlank() && !extra.toString().contains("${")) {
			for (String pair : extra.toString().split(",")) {
				int equals = pair.indexOf('=');
				if (equals <= 0) {
					throw new IllegalArgumentException(
							"MATCHERS must be label=value pairs separated by commas, got \"" + extra + "\"");
				}
				labels.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
			}
		}
		labels.forEach((label, value) -> {
			if (!LABEL_NAME.matcher(label).matches()) {
				throw new IllegalArgumentException("MATCHERS has an invalid label name \"" + label + "\"");
			}
			if (value.isEmpty()) {
				throw new IllegalArgumentException("MATCHERS gives label " + label + " an empty value");
			}
			matchers.add(matcher(label, value, false));
		});
		return matchers;
	}

	private static Map<String, Object> matcher(String name, String value, boolean regex) {
		Map<String, Object> matcher = new LinkedHashMap<>();
		matcher.put("name", name);
		matcher.put("value", value);
		matcher.put("isRegex", regex);
		matcher.put("isEqual", true);
		return matcher;
	}

}
