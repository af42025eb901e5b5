package ai.kubernaut.engine.action;

import ai.kubernaut.actions.RemediationAction;
import ai.kubernaut.actions.ActionRegistry;

import java.time.Clock;
import java.util.List;

import ai.kubernaut.contracts.notification.NotificationApi;

import ai.kubernaut.engine.cluster.ClusterOperations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ActionConfiguration {

	@Bean
	ScaleDeploymentAction scaleDeploymentAction(ClusterOperations cluster, LimitsProperties limits) {
		return new ScaleDeploymentAction(cluster, limits);
	}

	@Bean
	WaitAction waitAction(Clock clock) {
		return new WaitAction(clock);
	}

	@Bean
	NotifyAction notifyAction(NotificationApi notifications) {
		return new NotifyAction(notifications);
	}

	@Bean
	ActionRegistry actionRegistry(List<RemediationAction> actions) {
		return new ActionRegistry(actions);
	}

}
