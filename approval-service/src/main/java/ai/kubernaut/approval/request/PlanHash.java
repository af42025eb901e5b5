package ai.kubernaut.approval.request;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import ai.kubernaut.contracts.approval.CreateApprovalRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SHA-256 of what exactly an approval approves: workflow id and version, parameters,
 * target and its resourceVersion, and the dry-run diff, as canonical JSON (object keys
 * sorted at every depth, no whitespace). Any change to any of these is a different plan,
 * and decisions made for the old one do not carry over.
 */
final class PlanHash {

	private PlanHash() {
	}

	static String of(CreateApprovalRequest request, JsonMapper json) {
		Map<String, Object> target = new LinkedHashMap<>();
		target.put("kind", request.target().kind());
		target.put("namespace", request.target().namespace());
		target.put("name", request.target().name());
		target.put("resourceVersion", request.targetResourceVersion());
		Map<String, Object> workflow = new LinkedHashMap<>();
		workflow.put("id", request.workflowId());
		workflow.put("version", request.workflowVersion());
		Map<String, Object> plan = new LinkedHashMap<>();
		plan.put("workflow", workflow);
		plan.put("parameters", request.parameters());
		plan.put("target", target);
		plan.put("diff", request.diff());
		return sha256(json.writeValueAsString(canonical(plan)));
	}

	/**
	 * Rebuilds maps as sorted maps at every depth; lists keep their order, since order is
	 * meaningful in a list.
	 */
	static Object canonical(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> sorted = new TreeMap<>();
			map.forEach((key, nested) -> sorted.put(String.valueOf(key), canonical(nested)));
			return sorted;
		}
		if (value instanceof List<?> list) {
			List<Object> copy = new ArrayList<>(list.size());
			list.forEach((element) -> copy.add(canonical(element)));
			return copy;
		}
		return value;
	}

	private static String sha256(String canonicalJson) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(canonicalJson.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is unavailable", ex);
		}
	}

}
