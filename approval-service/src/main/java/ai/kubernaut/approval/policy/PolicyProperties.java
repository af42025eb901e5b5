package ai.kubernaut.approval.policy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may decide what.
 *
 * @param approvers by approver name (the name of the approver's API token); when empty,
 * anyone holding the {@code approver} role may decide anything and no one-click links are
 * minted
 * @param twoPersonRisks request risks that always need two distinct approvers
 */
@Validated
@ConfigurationProperties("kubernaut.approval")
public record PolicyProperties(@Valid Map<String, Approver> approvers,
		@DefaultValue("high") Set<String> twoPersonRisks) {

	public PolicyProperties {
		approvers = (approvers != null) ? Map.copyOf(approvers) : Map.of();
		twoPersonRisks = Set.copyOf(twoPersonRisks);
	}

	/**
	 * One approver.
	 *
	 * @param namespaces namespaces the approver may decide for: exact names, prefixes
	 * ending in {@code *}, or {@code *}; empty means every namespace
	 * @param groups approver groups the approver belongs to; a request naming an
	 * {@code approverGroup} may only be decided by its members
	 * @param slackUserId the approver's Slack user id (e.g. {@code U024BE7LH}), for Slack
	 * buttons
	 */
	public record Approver(List<String> namespaces, Set<String> groups, String slackUserId) {

		public Approver {
			namespaces = (namespaces != null) ? List.copyOf(namespaces) : List.of();
			groups = (groups != null) ? Set.copyOf(groups) : Set.of();
		}

	}

}
