package ai.kubernaut.dag.workflow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Draws a workflow as boxes of parallel levels joined by arrows, the picture approvers
 * see in their message and operators see in the status:
 *
 * <pre>
 * ┌──────────────────────────────────────┐
 * │ Step 1: collect_diagnostics (parallel) │
 * │ Step 2: backup_data (parallel)       │
 * └──────────────────┬───────────────────┘
 *                    ↓
 * </pre>
 *
 * Steps are numbered in declaration order; each box lists the numbers its steps depend
 * on, gated steps are marked, and, when phases are given, each step shows its phase.
 */
public final class GraphText {

	private GraphText() {
	}

	public static String render(Workflow workflow) {
		return render(workflow, Map.of());
	}

	/**
	 * @param phases a phase label by step id, e.g. {@code completed}; steps without one
	 * are drawn without
	 */
	public static String render(Workflow workflow, Map<String, String> phases) {
		List<List<String>> boxes = new ArrayList<>();
		for (List<String> level : workflow.dag().levels()) {
			List<String> lines = new ArrayList<>();
			Set<Integer> dependencies = new LinkedHashSet<>();
			List<String> risks = new ArrayList<>();
			for (String stepId : level) {
				WorkflowStep step = workflow.step(stepId);
				StringBuilder line = new StringBuilder("Step ").append(workflow.number(stepId))
					.append(": ")
					.append(step.action());
				if (level.size() > 1) {
					line.append(" (parallel)");
				}
				if (step.requiresApproval()) {
					line.append(" (APPROVAL GATE)");
				}
				if (phases.containsKey(stepId)) {
					line.append(" [").append(phases.get(stepId)).append(']');
				}
				lines.add(line.toString());
				step.dependsOn().stream().map(workflow::number).sorted().forEach(dependencies::add);
				if (step.requiresApproval() && step.risk() != null) {
					risks.add("  Risk: " + capitalize(step.risk()));
				}
			}
			if (!dependencies.isEmpty()) {
				lines.add("  Dependencies: " + dependencies.stream().sorted().toList());
			}
			lines.addAll(risks);
			boxes.add(lines);
		}
		int width = boxes.stream().flatMap(List::stream).mapToInt(String::length).max().orElse(0) + 3;
		int join = width / 2;
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < boxes.size(); i++) {
			boolean last = i == boxes.size() - 1;
			text.append('┌').append("─".repeat(width)).append("┐\n");
			for (String line : boxes.get(i)) {
				text.append("│ ").append(line).append(" ".repeat(width - line.length() - 1)).append("│\n");
			}
			if (last) {
				text.append('└').append("─".repeat(width)).append("┘\n");
			}
			else {
				text.append('└')
					.append("─".repeat(join))
					.append('┬')
					.append("─".repeat(width - join - 1))
					.append("┘\n");
				text.append(" ".repeat(join + 1)).append("↓\n");
			}
		}
		long parallelGroups = workflow.dag().levels().stream().filter((level) -> level.size() > 1).count();
		text.append("\nTotal Steps: ").append(workflow.steps().size());
		if (parallelGroups > 0) {
			text.append(" (")
				.append(parallelGroups)
				.append(parallelGroups == 1 ? " parallel group)" : " parallel groups)");
		}
		text.append('\n');
		return text.toString();
	}

	private static String capitalize(String text) {
		return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
	}

}
