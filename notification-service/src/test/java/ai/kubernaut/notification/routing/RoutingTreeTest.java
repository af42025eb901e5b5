package ai.kubernaut.notification.routing;

import java.util.List;
import java.util.Map;

import ai.kubernaut.contracts.notification.NotificationType;
import ai.kubernaut.notification.NotificationFixtures;
import ai.kubernaut.notification.channel.Notification;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingTreeTest {

	private static final Route TREE = new Route("default", null, false,
			List.of(new Route("approvers", match(List.of("approval-request"), null, null, null, null), false, null),
					new Route("pager", match(null, List.of("critical"), null, List.of("production"), null), true, null),
					new Route("payments",
							match(null, null, List.of("payments", "checkout"), null, Map.of("team", "payments")), false,
							List.of(new Route("payments-oncall",
									match(List.of("REMEDIATION_FAILED"), null, null, null, null), false, null))),
					new Route(null, match(null, null, null, null, Map.of("team", "data")), false, null)));

	@Test
	void sendsWhatNoRouteMatchesToTheDefaultReceiver() {
		assertThat(receivers(NotificationType.REMEDIATION_COMPLETED, "info", "web", "staging", Map.of()))
			.containsExactly("default");
	}

	@Test
	void stopsAtTheFirstMatchingRouteWithoutContinue() {
		assertThat(receivers(NotificationType.APPROVAL_REQUEST, "critical", "web", "production", Map.of()))
			.containsExactly("approvers");
	}

	@Test
	void triesLaterSiblingsAfterARouteWithContinue() {
		assertThat(receivers(NotificationType.REMEDIATION_FAILED, "critical", "payments", "production",
				Map.of("team", "payments")))
			.containsExactly("pager", "payments-oncall");
	}

	@Test
	void deliversToTheParentWhenNoChildMatches() {
		assertThat(receivers(NotificationType.REMEDIATION_COMPLETED, "info", "checkout", "staging",
				Map.of("team", "payments")))
			.containsExactly("payments");
	}

	@Test
	void requiresEveryAttributeAndEveryLabelToMatch() {
		assertThat(receivers(NotificationType.REMEDIATION_COMPLETED, "info", "payments", "staging", Map.of()))
			.containsExactly("default");
		assertThat(receivers(NotificationType.REMEDIATION_COMPLETED, "CRITICAL", "web", null, Map.of()))
			.as("a notification without environment does not match a route on environment")
			.containsExactly("default");
	}

	@Test
	void inheritsTheReceiverOfTheParentWhenARouteNamesNone() {
		assertThat(receivers(NotificationType.ESCALATION, "info", "etl", "staging", Map.of("team", "data")))
			.containsExactly("default");
	}

	@Test
	void matchesSeverityRegardlessOfCase() {
		// A matching child (even one with continue) replaces the parent's receiver.
		assertThat(receivers(NotificationType.ESCALATION, "Critical", "web", "production", Map.of()))
			.containsExactly("pager");
	}

	private static List<String> receivers(NotificationType type, String severity, String namespace, String environment,
			Map<String, String> labels) {
		Notification base = NotificationFixtures.simple(type, severity, labels);
		Notification notification = new Notification(base.id(), type, severity, null, base.subject(), base.body(),
				base.fields(), null, namespace, environment, labels, null, List.of(), null, 1, base.createdAt());
		return new RoutingTree(TREE).receiversFor(notification);
	}

	private static Match match(List<String> type, List<String> severity, List<String> namespace,
			List<String> environment, Map<String, String> labels) {
		return new Match(type, severity, namespace, environment, labels);
	}

}
