package ai.kubernaut.datastorage.catalog.registration;

/**
 * One reason a manifest was refused.
 *
 * @param field where, as a path from the document root (e.g.
 * {@code spec.labels.severity}, {@code spec.parameters[1].type})
 * @param message what is wrong, in words an author can act on
 */
record Violation(String field, String message) {
}
