package ai.kubernaut.dag;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A validated, immutable directed acyclic graph of {@link StepSpec}s.
 * <p>
 * Invariants once built: at least one step, ids unique and non-blank, every dependency
 * names a step of this graph, no cycles, and (when the builder was given known actions)
 * every action known. Orders are deterministic: where the graph leaves a choice, steps
 * come in declaration order.
 */
public final class Dag {

	private final List<StepSpec> steps;

	private final Map<String, StepSpec> byId;

	private final Map<String, List<String>> dependents;

	private final List<StepSpec> topologicalOrder;

	private final List<List<String>> levels;

	private Dag(List<StepSpec> steps) {
		this.steps = List.copyOf(steps);
		Map<String, StepSpec> byId = new LinkedHashMap<>();
		Map<String, List<String>> dependents = new LinkedHashMap<>();
		for (StepSpec step : steps) {
			byId.put(step.id(), step);
			dependents.put(step.id(), new ArrayList<>());
		}
		for (StepSpec step : steps) {
			step.dependsOn().forEach((dependency) -> dependents.get(dependency).add(step.id()));
		}
		this.byId = Collections.unmodifiableMap(byId);
		this.dependents = dependents.entrySet()
			.stream()
			.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, (e) -> List.copyOf(e.getValue())));
		this.topologicalOrder = topologicalOrder(this.steps, this.byId, this.dependents);
		this.levels = levels(this.topologicalOrder, this.byId);
	}

	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The steps in declaration order.
	 */
	public List<StepSpec> steps() {
		return this.steps;
	}

	public int size() {
		return this.steps.size();
	}

	public boolean contains(String stepId) {
		return this.byId.containsKey(stepId);
	}

	/**
	 * The step with {@code stepId}.
	 * @throws IllegalArgumentException if this graph has no such step
	 */
	public StepSpec step(String stepId) {
		StepSpec step = this.byId.get(stepId);
		if (step == null) {
			throw new IllegalArgumentException(
					"No step '" + stepId + "' in this graph; steps are " + this.byId.keySet());
		}
		return step;
	}

	/**
	 * Ids of the steps that depend directly on {@code stepId}, in declaration order.
	 */
	public List<String> dependentsOf(String stepId) {
		step(stepId);
		return this.dependents.get(stepId);
	}

	/**
	 * Every step after all of its dependencies; among steps whose dependencies are all
	 * placed, the earliest declared comes first.
	 */
	public List<StepSpec> topologicalOrder() {
		return this.topologicalOrder;
	}

	/**
	 * The plan of parallel levels: level 0 holds the steps without dependencies, level
	 * {@code n} the steps whose deepest dependency is in level {@code n - 1}. Steps of
	 * one level never depend on each other, so each level could run at once. Within a
	 * level, ids are in declaration order.
	 */
	public List<List<String>> levels() {
		return this.levels;
	}

	@Override
	public String toString() {
		return this.levels.stream()
			.map((level) -> String.join(", ", level))
			.collect(Collectors.joining(" → ", "Dag[", "]"));
	}

	private static List<StepSpec> topologicalOrder(List<StepSpec> steps, Map<String, StepSpec> byId,
			Map<String, List<String>> dependents) {
		Map<String, Integer> position = new HashMap<>();
		Map<String, Integer> waitingOn = new HashMap<>();
		for (int i = 0; i < steps.size(); i++) {
			position.put(steps.get(i).id(), i);
			waitingOn.put(steps.get(i).id(), steps.get(i).dependsOn().size());
		}
		PriorityQueue<String> ready = new PriorityQueue<>(Comparator.comparing(position::get));
		waitingOn.forEach((id, count) -> {
			if (count == 0) {
				ready.add(id);
			}
		});
		List<StepSpec> order = new ArrayList<>(steps.size());
		while (!ready.isEmpty()) {
			String id = ready.poll();
			order.add(byId.get(id));
			for (String dependent : dependents.get(id)) {
				if (waitingOn.merge(dependent, -1, Integer::sum) == 0) {
					ready.add(dependent);
				}
			}
		}
		return List.copyOf(order);
	}

	private static List<List<String>> levels(List<StepSpec> topologicalOrder, Map<String, StepSpec> byId) {
		Map<String, Integer> levelOf = new HashMap<>();
		TreeMap<Integer, List<String>> levels = new TreeMap<>();
		for (StepSpec step : topologicalOrder) {
			int level = step.dependsOn().stream().mapToInt((dependency) -> levelOf.get(dependency) + 1).max().orElse(0);
			levelOf.put(step.id(), level);
		}
		// Walk in declaration order so each level lists its steps as the author wrote
		// them.
		for (StepSpec step : byId.values()) {
			levels.computeIfAbsent(levelOf.get(step.id()), (l) -> new ArrayList<>()).add(step.id());
		}
		return levels.values().stream().map(List::copyOf).toList();
	}

	/**
	 * Collects steps and validates them all at once in {@link #build()}. Not thread-safe;
	 * use one builder per graph.
	 */
	public static final class Builder {

		private final List<StepSpec> steps = new ArrayList<>();

		private Set<String> knownActions;

		private Builder() {
		}

		/**
		 * Adds a step. Order matters only where the graph leaves a choice (see
		 * {@link Dag#topologicalOrder()}).
		 */
		public Builder step(StepSpec step) {
			this.steps.add(step);
			return this;
		}

		/**
		 * Adds a step without parameters.
		 */
		public Builder step(String id, String action, String... dependsOn) {
			return step(StepSpec.of(id, action, dependsOn));
		}

		public Builder steps(Collection<StepSpec> steps) {
			steps.forEach(this::step);
			return this;
		}

		/**
		 * Restricts actions to {@code actions}; any other action is reported as
		 * {@link DagError.Kind#UNKNOWN_ACTION}. Without this call every action is
		 * accepted.
		 */
		public Builder knownActions(Collection<String> actions) {
			this.knownActions = Set.copyOf(actions);
			return this;
		}

		/**
		 * Validates the steps and returns the graph.
		 * @throws DagValidationException listing every problem found
		 */
		public Dag build() {
			List<DagError> errors = problems();
			if (!errors.isEmpty()) {
				throw new DagValidationException(errors);
			}
			return new Dag(this.steps);
		}

		/**
		 * Every problem {@link #build()} would report, without throwing, so callers can
		 * merge them with problems of their own.
		 */
		public List<DagError> problems() {
			if (this.steps.isEmpty()) {
				return List.of(new DagError(DagError.Kind.EMPTY, null, "The workflow has no steps"));
			}
			List<DagError> errors = new ArrayList<>();
			Map<String, StepSpec> firstById = new LinkedHashMap<>();
			Map<String, Integer> occurrences = new LinkedHashMap<>();
			for (StepSpec step : this.steps) {
				firstById.putIfAbsent(step.id(), step);
				occurrences.merge(step.id(), 1, Integer::sum);
			}
			for (int i = 0; i < this.steps.size(); i++) {
				StepSpec step = this.steps.get(i);
				if (step.id().isBlank()) {
					errors.add(new DagError(DagError.Kind.INVALID_STEP, step.id(),
							"Step #" + (i + 1) + " has a blank id"));
				}
				if (step.action().isBlank()) {
					errors.add(new DagError(DagError.Kind.INVALID_STEP, step.id(),
							"Step '" + step.id() + "' has a blank action"));
				}
			}
			occurrences.forEach((id, count) -> {
				if (count > 1) {
					errors.add(new DagError(DagError.Kind.DUPLICATE_STEP, id,
							"Step id '" + id + "' is declared " + count + " times"));
				}
			});
			if (this.knownActions != null) {
				for (StepSpec step : firstById.values()) {
					if (!step.action().isBlank() && !this.knownActions.contains(step.action())) {
						errors.add(new DagError(DagError.Kind.UNKNOWN_ACTION, step.id(),
								"Step '" + step.id() + "' uses unknown action '" + step.action()
										+ "'; known actions are " + this.knownActions.stream().sorted().toList()));
					}
				}
			}
			for (StepSpec step : this.steps) {
				for (String dependency : step.dependsOn()) {
					if (!firstById.containsKey(dependency)) {
						errors.add(new DagError(DagError.Kind.UNKNOWN_DEPENDENCY, step.id(),
								"Step '" + step.id() + "' depends on unknown step '" + dependency + "'"));
					}
				}
			}
			for (List<String> cycle : new CycleFinder(firstById).cycles()) {
				errors.add(new DagError(DagError.Kind.CYCLE, cycle.get(0),
						"Steps form a cycle, so none of them can ever start: " + String.join(" → ", cycle)));
			}
			return errors;
		}

	}

	/**
	 * Finds one cycle per strongly connected component (Tarjan), so overlapping loops are
	 * reported once and independent loops each get their own error. Edges point from a
	 * dependency to its dependent, the direction in which the steps would run.
	 */
	private static final class CycleFinder {

		private final Map<String, StepSpec> steps;

		private final Map<String, Integer> position = new HashMap<>();

		private final Map<String, List<String>> edges = new LinkedHashMap<>();

		private final Map<String, Integer> index = new HashMap<>();

		private final Map<String, Integer> lowLink = new HashMap<>();

		private final Deque<String> stack = new ArrayDeque<>();

		private final Set<String> onStack = new HashSet<>();

		private final List<Set<String>> components = new ArrayList<>();

		private int counter;

		CycleFinder(Map<String, StepSpec> steps) {
			this.steps = steps;
			steps.keySet().forEach((id) -> {
				this.position.put(id, this.position.size());
				this.edges.put(id, new ArrayList<>());
			});
			steps.values()
				.forEach((step) -> step.dependsOn()
					.stream()
					.filter(steps::containsKey)
					.forEach((dependency) -> this.edges.get(dependency).add(step.id())));
		}

		List<List<String>> cycles() {
			for (String id : this.steps.keySet()) {
				if (!this.index.containsKey(id)) {
					connect(id);
				}
			}
			List<List<String>> cycles = new ArrayList<>();
			for (Set<String> component : this.components) {
				String start = component.stream().min(Comparator.comparing(this.position::get)).orElseThrow();
				boolean selfLoop = this.edges.get(start).contains(start);
				if (component.size() > 1 || selfLoop) {
					cycles.add(shortestCycleThrough(start, component));
				}
			}
			cycles.sort(Comparator.comparing((cycle) -> this.position.get(cycle.get(0))));
			return cycles;
		}

		private void connect(String id) {
			this.index.put(id, this.counter);
			this.lowLink.put(id, this.counter);
			this.counter++;
			this.stack.push(id);
			this.onStack.add(id);
			for (String next : this.edges.get(id)) {
				if (!this.index.containsKey(next)) {
					connect(next);
					this.lowLink.put(id, Math.min(this.lowLink.get(id), this.lowLink.get(next)));
				}
				else if (this.onStack.contains(next)) {
					this.lowLink.put(id, Math.min(this.lowLink.get(id), this.index.get(next)));
				}
			}
			if (this.lowLink.get(id).equals(this.index.get(id))) {
				Set<String> component = new HashSet<>();
				String member;
				do {
					member = this.stack.pop();
					this.onStack.remove(member);
					component.add(member);
				}
				while (!member.equals(id));
				this.components.add(component);
			}
		}

		private List<String> shortestCycleThrough(String start, Set<String> component) {
			Map<String, String> previous = new HashMap<>();
			Deque<String> queue = new ArrayDeque<>(List.of(start));
			while (!queue.isEmpty()) {
				String current = queue.poll();
				for (String next : this.edges.get(current)) {
					if (next.equals(start)) {
						List<String> path = new ArrayList<>();
						for (String at = current; at != null; at = previous.get(at)) {
							path.add(0, at);
						}
						path.add(start);
						return path;
					}
					if (component.contains(next) && !previous.containsKey(next)) {
						previous.put(next, current);
						queue.add(next);
					}
				}
			}
			throw new IllegalStateException("No cycle through " + start + " in its strongly connected component");
		}

	}

}
