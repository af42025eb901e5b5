package ai.kubernaut.actions.alerting;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.kubernaut.actions.ActionContext;
import ai.kubernaut.actions.ActionParameter;
import ai.kubernaut.actions.RemediationAction;

/**
 * Ends a silence before its time ({@code DELETE /api/v2/silence/{id}}): the rollback of
 * {@code silence_alerts}. A silence already expired or gone counts as done.
 */
public class ExpireSilenceAction implements RemediationAction {

	public static final String NAME = "expire_silence";

	private final AlertmanagerClient alertmanager;

	public ExpireSilenceAction(AlertmanagerSettings settings, HttpClient http) {
		this.alertmanager = new AlertmanagerClient(settings, http);
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<ActionParameter> parameters() {
		return List.of(ActionParameter.required("SILENCE_ID", "The silence to expire"));
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
		return problems;
	}

	@Override
	public Map<String, Object> execute(ActionContext context) {
		List<String> problems = validate(context.parameters());
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(String.join("; ", problems));
		}
		String id = context.require("SILENCE_ID");
		this.alertmanager.expire(id);
		Map<String, Object> output = new LinkedHashMap<>();
		output.put("silenceId", id);
		output.put("expired", true);
		return output;
	}

	@Override
	public Map<String, Object> preview(ActionContext context) {
		return Map.of("dryRun", true, "changes",
				List.of("expire Alertmanager silence " + context.require("SILENCE_ID")));
	}

}
