package ai.kubernaut.engine.routing;

import java.util.List;
import java.util.Map;

import ai.kubernaut.contracts.signal.Signal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SignalRouterTest {

	final SignalRouter router = new SignalRouter(
			List.of(new RoutingProperties.Rule("KubeHpaMaxedOut", "ScaleReplicas", Map.of("SCALE_REPLICAS", "+1"))));

	@Test
	void routesAnAlertByItsExactName() {
		assertThat(this.router.route(signal("KubeHpaMaxedOut")))
			.contains(new Route("ScaleReplicas", Map.of("SCALE_REPLICAS", "+1")));
		assertThat(this.router.route(signal("kubehpamaxedout"))).isEmpty();
	}

	@Test
	void hasNoRouteForAnUnknownAlert() {
		assertThat(this.router.route(signal("Watchdog"))).isEmpty();
	}

	@Test
	void refusesTwoRulesForOneAlert() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new SignalRouter(List.of(new RoutingProperties.Rule("A", "ScaleReplicas", null),
					new RoutingProperties.Rule("A", "RestartPod", null))))
			.withMessageContaining("two rules for alert 'A' (ScaleReplicas and RestartPod)");
	}

	private static Signal signal(String name) {
		return new Signal(name, "critical", "production", "P1", Map.of(), Map.of(), null, "prometheus");
	}

}
