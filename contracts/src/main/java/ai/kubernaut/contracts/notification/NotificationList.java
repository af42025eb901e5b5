package ai.kubernaut.contracts.notification;

import java.util.List;

/**
 * Notifications matching a list query, newest first.
 */
public record NotificationList(List<NotificationView> notifications) {
}
