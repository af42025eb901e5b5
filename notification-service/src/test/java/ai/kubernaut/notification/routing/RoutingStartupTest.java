package ai.kubernaut.notification.routing;

import ai.kubernaut.notification.NotificationApplication;
import ai.kubernaut.notification.peers.TestPeers;
import ai.kubernaut.testsupport.postgres.TestDatabaseConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A real startup with a broken routing configuration stops with every problem listed.
 */
class RoutingStartupTest {

	@Test
	void refusesToStartListingARouteToAnUnknownReceiverAndUnknownChannels() {
		assertThatThrownBy(() -> NotificationApplication.application()
			.sources(TestDatabaseConfiguration.class)
			.initializers(new TestPeers())
			.web(WebApplicationType.NONE)
			.profiles("test")
			// Without the test-only channel beans, "scripted" and "counting" are unknown.
			.run("--kubernaut.notification.routing.routes[0].receiver=nobody")
			.close()).hasRootCauseInstanceOf(RoutingConfigurationException.class)
			.rootCause()
			.hasMessageContaining("kubernaut.notification.routing.routes[0].receiver names unknown receiver 'nobody'")
			.hasMessageContaining("kubernaut.notification.receivers[0].channels[1] names unknown channel 'scripted'");
	}

}
