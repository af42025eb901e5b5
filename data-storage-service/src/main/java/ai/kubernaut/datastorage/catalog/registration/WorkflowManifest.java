package ai.kubernaut.datastorage.catalog.registration;

import java.util.List;

import ai.kubernaut.contracts.catalog.WorkflowDescription;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A validated {@code RemediationWorkflow}, normalised to the shape the catalog stores.
 *
 * @param name {@code metadata.name}
 * @param labels severity, environment and component as lists (a legacy scalar component
 * is wrapped), priority upper-cased, optional cluster list
 * @param customLabels each value wrapped in a list: {@code map<string, string[]>}
 * @param detectedLabels sparse: {@code true} booleans and non-empty strings only
 * @param parameters {@code spec.parameters} as declared
 * @param engine {@code tekton}, {@code job}, {@code ansible} or {@code dag}
 * @param bundleDigest for tekton and job the hex digest of {@code bundle}; for ansible
 * the declared commit
 * @param engineConfig ansible's settings, or {@code {"strategy": {...}, "steps": [...]}}
 * for a dag; {@code null} otherwise
 * @param warnings accepted, but worth telling the author (e.g. a placeholder bundle
 * digest)
 */
record WorkflowManifest(String name, String version, WorkflowDescription description, String actionType,
		ObjectNode labels, ObjectNode customLabels, ObjectNode detectedLabels, ArrayNode parameters, String engine,
		String bundle, String bundleDigest, ObjectNode engineConfig, String serviceAccountName,
		List<Violation> warnings) {
}
