package ai.kubernaut.actions.workload;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;

import ai.kubernaut.actions.ActionContext;
import ai.kubernaut.actions.ActionParameter;
import ai.kubernaut.actions.mutation.MutationResult;
import ai.kubernaut.actions.mutation.ObjectMutator;

/**
 * {@code quarantine_pod}: takes a misbehaving pod out of traffic while keeping it for
 * investigation. It removes from the pod the labels that the Services selecting it select
 * on, so it leaves their endpoints (and its ReplicaSet, which starts a replacement), and
 * labels it {@value #QUARANTINED}{@code =true}; the removed labels are kept in the
 * annotation {@value #REMOVED_LABELS}. The pod is {@code POD_NAME}, or the target when it
 * is a Pod. The snapshot puts the labels back.
 */
public final class QuarantinePodAction extends WorkloadAction {

	public static final String NAME = "quarantine_pod";

	public static final String QUARANTINED = "kubernaut.ai/quarantined";

	public static final String REMOVED_LABELS = "kubernaut.ai/quarantined-labels";

	static final String POD_NAME = "POD_NAME";

	private static final ObjectMapper JSON = new ObjectMapper();

	public QuarantinePodAction(ObjectMutator mutator) {
		super(mutator);
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<ActionParameter> parameters() {
		return List.of(ActionParameter.required(Target.NAMESPACE, "Namespace of the pod"),
				ActionParameter.optional(POD_NAME, "The pod; by default the target when it is a Pod"),
				ActionParameter.optional(Target.KIND, "Pod, when the target is the pod"),
				ActionParameter.optional(Target.NAME, "The pod, when the target is the pod"));
	}

	@Override
	public List<String> validate(Map<String, Object> parameters) {
		Object kind = parameters.get(Target.KIND);
		if (!Checks.present(parameters, POD_NAME) && Checks.literal(kind) && !"Pod".equalsIgnoreCase(kind.toString())) {
			return List.of(POD_NAME + " is required when the target is not a Pod (the target is a " + kind + ")");
		}
		return List.of();
	}

	@Override
	Map<String, Object> act(ActionContext context, boolean dryRun) {
		String namespace = context.require(Target.NAMESPACE);
		String pod = pod(context);
		List<Service> services = this.mutator.client().services().inNamespace(namespace).list().getItems();
		Map<String, Object> extra = new LinkedHashMap<>();
		MutationResult result = write(context, dryRun, Pod.class, namespace, pod, (object) -> {
			Map<String, String> labels = new TreeMap<>(
					(object.getMetadata().getLabels() != null) ? object.getMetadata().getLabels() : Map.of());
			List<Service> selecting = services.stream()
				.filter((service) -> service.getSpec() != null && service.getSpec().getSelector() != null
						&& !service.getSpec().getSelector().isEmpty()
						&& Selectors.matches(service.getSpec().getSelector(), labels))
				.toList();
			TreeSet<String> keys = new TreeSet<>();
			selecting.forEach((service) -> keys.addAll(service.getSpec().getSelector().keySet()));
			Map<String, String> removed = new TreeMap<>();
			keys.forEach((key) -> removed.put(key, labels.remove(key)));
			labels.put(QUARANTINED, "true");
			object.getMetadata().setLabels(labels);
			if (!removed.isEmpty()) {
				Map<String, String> annotations = new LinkedHashMap<>((object.getMetadata().getAnnotations() != null)
						? object.getMetadata().getAnnotations() : Map.of());
				annotations.put(REMOVED_LABELS, json(removed));
				object.getMetadata().setAnnotations(annotations);
			}
			extra.put("services", selecting.stream().map((service) -> service.getMetadata().getName()).toList());
			extra.put("removedLabels", removed);
			return object;
		});
		Map<String, Object> output = result.toOutput();
		output.putAll(extra);
		return output;
	}

	private static String pod(ActionContext context) {
		if (context.optional(POD_NAME).isPresent()) {
			return context.require(POD_NAME);
		}
		if (!"Pod".equalsIgnoreCase(context.optional(Target.KIND).orElse(""))) {
			throw new IllegalArgumentException(POD_NAME + " is required when the target is not a Pod (the target is "
					+ context.optional(Target.KIND).orElse("of no kind") + ")");
		}
		return context.require(Target.NAME);
	}

	private static String json(Map<String, String> labels) {
		try {
			return JSON.writeValueAsString(labels);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
