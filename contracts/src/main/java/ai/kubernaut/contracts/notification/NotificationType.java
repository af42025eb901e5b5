package ai.kubernaut.contracts.notification;

/**
 * Why a notification is sent; routing rules match on it.
 */
public enum NotificationType {

	APPROVAL_REQUEST, REMEDIATION_STARTED, REMEDIATION_COMPLETED, REMEDIATION_FAILED, ESCALATION, MANUAL_REVIEW

}
