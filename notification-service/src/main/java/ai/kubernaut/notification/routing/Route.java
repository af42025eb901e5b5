package ai.kubernaut.notification.routing;

import java.util.List;

import org.springframework.boot.context.properties.bind.Name;

/**
 * A node of the Alertmanager-style routing tree. A notification enters at the root (which
 * matches everything) and descends: the children of a matching node are tried in order; a
 * matching child with {@code continue: false} stops its later siblings from being tried.
 * A matching node none of whose children matched delivers to its receiver, inherited from
 * the nearest ancestor that names one.
 *
 * @param receiver who gets what this node matches; inherited when absent
 * @param match what the node matches; everything when absent
 * @param continueMatching ({@code continue}) whether later siblings are tried after this
 * node matched
 * @param routes the children
 */
public record Route(String receiver, Match match, @Name("continue") boolean continueMatching, List<Route> routes) {

	public Route {
		match = (match == null) ? Match.ALL : match;
		routes = (routes == null) ? List.of() : List.copyOf(routes);
	}

}
