package ai.kubernaut.notification.routing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import ai.kubernaut.notification.channel.Notification;

/**
 * Evaluates the routing tree for a notification. Pure: no Spring, no state.
 */
final class RoutingTree {

	private final Route root;

	RoutingTree(Route root) {
		this.root = root;
	}

	/**
	 * The receivers a notification goes to, in tree order, each once. Never empty: the
	 * root matches everything.
	 */
	List<String> receiversFor(Notification notification) {
		Set<String> receivers = new LinkedHashSet<>();
		descend(this.root, this.root.receiver(), notification, receivers);
		return new ArrayList<>(receivers);
	}

	/**
	 * @return whether {@code route} matched
	 */
	private static boolean descend(Route route, String inherited, Notification notification, Set<String> receivers) {
		if (!route.match().matches(notification)) {
			return false;
		}
		String receiver = (route.receiver() != null) ? route.receiver() : inherited;
		boolean childMatched = false;
		for (Route child : route.routes()) {
			if (descend(child, receiver, notification, receivers)) {
				childMatched = true;
				if (!child.continueMatching()) {
					break;
				}
			}
		}
		if (!childMatched) {
			receivers.add(receiver);
		}
		return true;
	}

}
