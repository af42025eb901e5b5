package ai.kubernaut.datastorage.catalog.registration;

import ai.kubernaut.contracts.catalog.WorkflowDescription;

/**
 * A validated {@code ActionType}: its PascalCase name ({@code spec.name}) and
 * description.
 */
record ActionTypeManifest(String name, WorkflowDescription description) {
}
