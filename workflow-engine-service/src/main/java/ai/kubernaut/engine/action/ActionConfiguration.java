package ai.kubernaut.engine.action;

import ai.kubernaut.actions.RemediationAction;
import ai.kubernaut.actions.ActionRegistry;

import java.time.Clock;
import java.util.List;

import ai.kubernaut.contracts.notification.NotificationApi;

import ai.kubernaut.engine.clusteractions.ClusterActionAliases;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ActionConfiguration {

	@Bean
	WaitAction waitAction(Clock clock) {
		return new WaitAction(clock);
	}

	@Bean
	NotifyAction notifyAction(NotificationApi notifications) {
		return new NotifyAction(notifications);
	}

	/**
	 * Every action bean, and the seed workflows' names for them (e.g. {@code restart_pod}
	 * with {@code strategy: rolling}).
	 */
	@Bean
	ActionRegistry actionRegistry(List<RemediationAction> actions, ObjectProvider<ClusterActionAliases> aliases) {
		return new ActionRegistry(actions, aliases.getIfAvailable(() -> new ClusterActionAliases(List.of())).aliases());
	}

}
