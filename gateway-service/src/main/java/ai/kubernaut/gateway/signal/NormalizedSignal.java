package ai.kubernaut.gateway.signal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import ai.kubernaut.contracts.signal.ResourceRef;

/**
 * One alert as every adapter hands it to the intake, whatever its source format.
 *
 * @param source the adapter, e.g. {@code prometheus}
 * @param name what fired, e.g. {@code KubePodCrashLooping}
 * @param severity lower-cased, {@code unknown} when the source gave none
 * @param namespace the namespace the alert is about
 * @param cluster the cluster the alert came from, {@code null} for a single-cluster
 * setup; part of the fingerprint
 * @param labels all labels, source-wide ones merged under the alert's own
 * @param annotations all annotations, merged the same way
 * @param startsAt when the condition started, {@code null} when the source did not say
 * @param resolved whether the source reports the condition as over; nothing is started
 * for resolved signals
 * @param targetCandidates the objects the alert may be about, most specific workload
 * first; the first that exists in the cluster is the target. Never {@code null}, may be
 * empty
 */
public record NormalizedSignal(String source, String name, String severity, String namespace, String cluster,
		Map<String, String> labels, Map<String, String> annotations, Instant startsAt, boolean resolved,
		List<ResourceRef> targetCandidates) {

	public NormalizedSignal {
		labels = (labels != null) ? Map.copyOf(labels) : Map.of();
		annotations = (annotations != null) ? Map.copyOf(annotations) : Map.of();
		targetCandidates = (targetCandidates != null) ? List.copyOf(targetCandidates) : List.of();
	}

}
