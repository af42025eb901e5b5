package ai.kubernaut.localstack;

import java.util.function.Supplier;

import ai.kubernaut.approval.ApprovalApplication;
import ai.kubernaut.datastorage.DataStorageApplication;
import ai.kubernaut.engine.WorkflowEngineApplication;
import ai.kubernaut.gateway.GatewayApplication;
import ai.kubernaut.notification.NotificationApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The five services, in the order the suite starts them: every service starts after the
 * ones it calls.
 */
public enum ServiceId {

	DATA_STORAGE("data-storage-service", 8081, DataStorageApplication::application),
	NOTIFICATION("notification-service", 8084, NotificationApplication::application),
	APPROVAL("approval-service", 8083, ApprovalApplication::application),
	WORKFLOW_ENGINE("workflow-engine-service", 8082, WorkflowEngineApplication::application),
	GATEWAY("gateway-service", 8080, GatewayApplication::application);

	private final String serviceName;

	private final int defaultPort;

	private final Supplier<SpringApplicationBuilder> application;

	ServiceId(String serviceName, int defaultPort, Supplier<SpringApplicationBuilder> application) {
		this.serviceName = serviceName;
		this.defaultPort = defaultPort;
		this.application = application;
	}

	public String serviceName() {
		return this.serviceName;
	}

	public int defaultPort() {
		return this.defaultPort;
	}

	SpringApplicationBuilder application() {
		return this.application.get();
	}

}
