package ai.kubernaut.contracts.audit;

import java.util.List;

/**
 * The past remediations of one target, newest first.
 *
 * @param targetResource {@code namespace/Kind/name}, or {@code Kind/name} when cluster
 * scoped
 */
public record RemediationHistory(String targetResource, List<RemediationHistoryEntry> remediations) {
}
