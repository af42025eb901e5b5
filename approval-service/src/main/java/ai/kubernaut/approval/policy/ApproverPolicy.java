package ai.kubernaut.approval.policy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import ai.kubernaut.approval.policy.PolicyProperties.Approver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Decides who may decide a request, and how many people must.
 */
@Component
public class ApproverPolicy {

	private static final Logger log = LoggerFactory.getLogger(ApproverPolicy.class);

	private final PolicyProperties properties;

	private final Map<String, String> approverBySlackUser = new TreeMap<>();

	public ApproverPolicy(PolicyProperties properties) {
		this.properties = properties;
		properties.approvers().forEach((name, approver) -> {
			if (approver.slackUserId() != null
					&& this.approverBySlackUser.putIfAbsent(approver.slackUserId(), name) != null) {
				throw new IllegalArgumentException("Slack user " + approver.slackUserId()
						+ " is mapped to two approvers in kubernaut.approval.approvers");
			}
		});
		if (properties.approvers().isEmpty()) {
			log.warn("kubernaut.approval.approvers is empty: every holder of the approver role may decide for every "
					+ "namespace, and no one-click links are minted");
		}
	}

	/**
	 * Whether {@code approver} may decide a request for a target in {@code namespace},
	 * optionally restricted to {@code approverGroup}.
	 */
	public boolean mayDecide(String approver, String namespace, String approverGroup) {
		if (this.properties.approvers().isEmpty()) {
			return true;
		}
		Approver scope = this.properties.approvers().get(approver);
		return scope != null && covers(scope, namespace, approverGroup);
	}

	/**
	 * The configured approvers who may decide such a request, by name.
	 */
	public List<String> approversInScope(String namespace, String approverGroup) {
		return this.properties.approvers()
			.entrySet()
			.stream()
			.filter((entry) -> covers(entry.getValue(), namespace, approverGroup))
			.map(Map.Entry::getKey)
			.sorted()
			.toList();
	}

	public Optional<String> approverForSlackUser(String slackUserId) {
		return Optional.ofNullable(this.approverBySlackUser.get(slackUserId));
	}

	/**
	 * How many distinct people must approve: what the engine asked for, raised to two for
	 * the risks the policy names.
	 */
	public int requiredApprovals(Integer requested, String risk) {
		int required = (requested != null) ? requested : 1;
		if (risk != null && this.properties.twoPersonRisks().contains(risk.toLowerCase(Locale.ROOT))) {
			required = 2;
		}
		return required;
	}

	private static boolean covers(Approver approver, String namespace, String approverGroup) {
		if (approverGroup != null && !approver.groups().contains(approverGroup)) {
			return false;
		}
		return approver.namespaces().isEmpty()
				|| approver.namespaces().stream().anyMatch((pattern) -> matches(pattern, namespace));
	}

	private static boolean matches(String pattern, String namespace) {
		if (pattern.endsWith("*")) {
			return namespace.startsWith(pattern.substring(0, pattern.length() - 1));
		}
		return pattern.equals(namespace);
	}

}
