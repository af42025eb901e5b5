package ai.kubernaut.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Checks what {@code kubectl kustomize k8s/overlays/<overlay>} renders, so the manifests
 * an operator applies keep the guarantees the docs promise: probes, bounded resources, a
 * locked-down container, least-privilege RBAC and redundancy on the alert path.
 */
class KubernetesManifestsTest {

	static final Path OVERLAYS = Path.of("..", "k8s", "overlays");

	static final Set<String> SERVICES = Set.of("gateway", "data-storage", "workflow-engine", "approval",
			"notification");

	/** The services on the alert path, which must survive losing a pod. */
	static final Set<String> REDUNDANT = Set.of("gateway", "workflow-engine", "notification");

	/** The only services that call the Kubernetes API. */
	static final Set<String> CLUSTER_CLIENTS = Set.of("gateway", "workflow-engine");

	static final Set<String> BROAD_BUILT_IN_ROLES = Set.of("cluster-admin", "admin", "edit");

	static final String ENGINE_CLUSTER_ROLE = "kubernaut-workflow-engine";

	static final String ENGINE_JOBS_ROLE = "kubernaut-workflow-engine-jobs";

	static final String WORKFLOWS_NAMESPACE = "kubernaut-workflows";

	static final Pattern TABLE_ROW = Pattern.compile("\\|([^|]*)\\|([^|]*)\\|.*\\|\\s*");

	static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");

	static final Map<String, List<HasMetadata>> rendered = new HashMap<>();

	@ParameterizedTest
	@ValueSource(strings = { "dev", "production" })
	void probesEveryServiceOnItsActuatorHealthGroups(String overlay) {
		List<Deployment> deployments = objects(overlay, Deployment.class);

		assertThat(deployments).extracting((deployment) -> deployment.getMetadata().getName())
			.containsExactlyInAnyOrderElementsOf(SERVICES);
		for (Deployment deployment : deployments) {
			for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
				String where = overlay + " " + deployment.getMetadata().getName() + "/" + container.getName();
				assertThat(httpPath(container.getLivenessProbe())).as(where + " liveness")
					.isEqualTo("/actuator/health/liveness");
				assertThat(httpPath(container.getReadinessProbe())).as(where + " readiness")
					.isEqualTo("/actuator/health/readiness");
				assertThat(httpPath(container.getStartupProbe())).as(where + " startup")
					.isEqualTo("/actuator/health/liveness");
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "production" })
	void boundsTheResourcesOfEveryContainer(String overlay) {
		for (PodSpecOf pod : podSpecs(overlay)) {
			for (Container container : pod.spec().getContainers()) {
				String where = overlay + " " + pod.name() + "/" + container.getName();
				assertThat(container.getResources()).as(where + " resources").isNotNull();
				assertThat(container.getResources().getRequests()).as(where + " requests")
					.containsKeys("cpu", "memory");
				assertThat(container.getResources().getLimits()).as(where + " limits").containsKey("memory");
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "production" })
	void runsEveryContainerAsNonRootOnAReadOnlyRootFilesystem(String overlay) {
		for (PodSpecOf pod : podSpecs(overlay)) {
			PodSecurityContext podContext = pod.spec().getSecurityContext();
			assertThat(podContext).as(overlay + " " + pod.name() + " pod securityContext").isNotNull();
			assertThat(podContext.getSeccompProfile().getType()).as(pod.name() + " seccomp")
				.isEqualTo("RuntimeDefault");
			for (Container container : pod.spec().getContainers()) {
				String where = overlay + " " + pod.name() + "/" + container.getName();
				SecurityContext context = container.getSecurityContext();
				assertThat(context).as(where + " securityContext").isNotNull();
				boolean nonRoot = Boolean.TRUE.equals(context.getRunAsNonRoot())
						|| (context.getRunAsNonRoot() == null && Boolean.TRUE.equals(podContext.getRunAsNonRoot()));
				assertThat(nonRoot).as(where + " runAsNonRoot").isTrue();
				assertThat(context.getReadOnlyRootFilesystem()).as(where + " readOnlyRootFilesystem").isTrue();
				assertThat(context.getAllowPrivilegeEscalation()).as(where + " allowPrivilegeEscalation").isFalse();
				assertThat(context.getCapabilities().getDrop()).as(where + " capabilities.drop").containsExactly("ALL");
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "production" })
	void givesEveryServiceItsOwnAccountAndATokenOnlyToThoseThatCallTheCluster(String overlay) {
		Set<String> accounts = new HashSet<>();
		objects(overlay, ServiceAccount.class).forEach((account) -> accounts.add(account.getMetadata().getName()));
		for (Deployment deployment : objects(overlay, Deployment.class)) {
			String name = deployment.getMetadata().getName();
			PodSpec spec = deployment.getSpec().getTemplate().getSpec();
			assertThat(spec.getServiceAccountName()).as(name + " serviceAccountName").isEqualTo(name);
			assertThat(accounts).as("ServiceAccounts").contains(name);
			assertThat(spec.getAutomountServiceAccountToken()).as(name + " automountServiceAccountToken")
				.isEqualTo(CLUSTER_CLIENTS.contains(name));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "production" })
	void grantsNoWildcardAndNoBroadBuiltInRole(String overlay) {
		List<PolicyRule> rules = new ArrayList<>();
		objects(overlay, ClusterRole.class).forEach((role) -> rules.addAll(role.getRules()));
		objects(overlay, Role.class).forEach((role) -> rules.addAll(role.getRules()));
		assertThat(rules).isNotEmpty();
		for (PolicyRule rule : rules) {
			assertThat(rule.getVerbs()).as("verbs of " + rule).doesNotContain("*");
			assertThat(rule.getResources()).as("resources of " + rule).doesNotContain("*");
			assertThat(rule.getApiGroups()).as("apiGroups of " + rule).doesNotContain("*");
			assertThat(rule.getNonResourceURLs()).as("nonResourceURLs of " + rule).isEmpty();
		}
		List<RoleRef> bindings = new ArrayList<>();
		objects(overlay, ClusterRoleBinding.class).forEach((binding) -> bindings.add(binding.getRoleRef()));
		objects(overlay, RoleBinding.class).forEach((binding) -> bindings.add(binding.getRoleRef()));
		assertThat(bindings).extracting(RoleRef::getName).doesNotContainAnyElementsOf(BROAD_BUILT_IN_ROLES);
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "production" })
	void letsOnlyTheEngineChangeTheCluster(String overlay) {
		Set<String> readVerbs = Set.of("get", "list", "watch");
		List<HasMetadata> roles = new ArrayList<>();
		roles.addAll(objects(overlay, ClusterRole.class));
		roles.addAll(objects(overlay, Role.class));
		for (HasMetadata role : roles) {
			for (PolicyRule rule : rules(role)) {
				boolean writes = rule.getVerbs().stream().anyMatch((verb) -> !readVerbs.contains(verb));
				if (writes) {
					assertThat(role.getMetadata().getName()).as("a role that writes: " + rule)
						.isIn(ENGINE_CLUSTER_ROLE, ENGINE_JOBS_ROLE);
				}
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "production" })
	void grantsExactlyTheVerbsDocumentedInTheSecurityGuide(String overlay) throws IOException {
		String guide = Files.readString(Path.of("..", "docs", "security.md"));
		ClusterRole engine = objects(overlay, ClusterRole.class).stream()
			.filter((role) -> ENGINE_CLUSTER_ROLE.equals(role.getMetadata().getName()))
			.findFirst()
			.orElseThrow();
		Role jobs = objects(overlay, Role.class).stream()
			.filter((role) -> ENGINE_JOBS_ROLE.equals(role.getMetadata().getName()))
			.findFirst()
			.orElseThrow();

		Set<String> documented = documentedGrants(guide, "### workflow-engine (ClusterRole `" + ENGINE_CLUSTER_ROLE);
		assertThat(documented).as("docs/security.md engine table")
			.contains("get namespaces", "create pods/eviction", "patch apps/deployments");
		assertThat(grants(engine.getRules())).as("ClusterRole " + ENGINE_CLUSTER_ROLE + " vs docs/security.md")
			.containsExactlyInAnyOrderElementsOf(documented);

		ClusterRole gateway = objects(overlay, ClusterRole.class).stream()
			.filter((role) -> "kubernaut-gateway".equals(role.getMetadata().getName()))
			.findFirst()
			.orElseThrow();
		assertThat(grants(gateway.getRules())).as("ClusterRole kubernaut-gateway vs docs/security.md")
			.containsExactlyInAnyOrderElementsOf(
					documentedGrants(guide, "### gateway (ClusterRole `kubernaut-gateway`"));

		Set<String> documentedJobs = documentedGrants(guide, "### workflow-engine in `kubernaut-workflows`");
		assertThat(documentedJobs).as("docs/security.md Job table").contains("create batch/jobs");
		assertThat(grants(jobs.getRules())).as("Role " + ENGINE_JOBS_ROLE + " vs docs/security.md")
			.containsExactlyInAnyOrderElementsOf(documentedJobs);
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "production" })
	void runsJobBundlesOnlyInTheWorkflowsNamespace(String overlay) {
		List<Role> jobRoles = objects(overlay, Role.class).stream()
			.filter((role) -> role.getRules()
				.stream()
				.anyMatch((rule) -> rule.getApiGroups().contains("batch") && rule.getResources().contains("jobs")))
			.toList();
		assertThat(jobRoles).extracting((role) -> role.getMetadata().getNamespace())
			.containsExactly(WORKFLOWS_NAMESPACE);
		assertThat(objects(overlay, ClusterRole.class)).flatExtracting(ClusterRole::getRules)
			.filteredOn((rule) -> rule.getResources().contains("jobs"))
			.allSatisfy((rule) -> assertThat(rule.getVerbs()).as("cluster-wide verbs on jobs")
				.isSubsetOf("get", "list", "watch"));

		RoleBinding binding = objects(overlay, RoleBinding.class).stream()
			.filter((candidate) -> ENGINE_JOBS_ROLE.equals(candidate.getRoleRef().getName()))
			.findFirst()
			.orElseThrow();
		assertThat(binding.getMetadata().getNamespace()).isEqualTo(WORKFLOWS_NAMESPACE);
		assertThat(binding.getSubjects()).singleElement().satisfies((subject) -> {
			assertThat(subject.getName()).isEqualTo("workflow-engine");
			assertThat(subject.getNamespace()).isEqualTo("kubernaut-system");
		});

		ServiceAccount runner = objects(overlay, ServiceAccount.class).stream()
			.filter((account) -> WORKFLOWS_NAMESPACE.equals(account.getMetadata().getNamespace()))
			.findFirst()
			.orElseThrow();
		assertThat(runner.getAutomountServiceAccountToken()).as("the Job ServiceAccount mounts no token").isFalse();
		assertThat(objects(overlay, RoleBinding.class)).flatExtracting(RoleBinding::getSubjects)
			.noneMatch((subject) -> runner.getMetadata().getName().equals(subject.getName()));
		assertThat(objects(overlay, ClusterRoleBinding.class)).flatExtracting(ClusterRoleBinding::getSubjects)
			.noneMatch((subject) -> runner.getMetadata().getName().equals(subject.getName()));
	}

	/**
	 * One "verb group/resource" string per grant of the table under {@code heading} (rows
	 * {@code | get, patch | `apps/deployments`, `pods` | why |}).
	 */
	static Set<String> documentedGrants(String guide, String heading) {
		int start = guide.indexOf(heading);
		assertThat(start).as("docs/security.md has a section " + heading).isNotNegative();
		int next = guide.indexOf("\n#", start + heading.length());
		String section = guide.substring(start, (next < 0) ? guide.length() : next);
		Set<String> grants = new HashSet<>();
		for (String line : section.split("\n")) {
			Matcher row = TABLE_ROW.matcher(line);
			if (!row.matches() || row.group(1).isBlank() || row.group(1).contains("Verbs")
					|| row.group(1).startsWith("-")) {
				continue;
			}
			Matcher resource = BACKTICKED.matcher(row.group(2));
			while (resource.find()) {
				for (String verb : row.group(1).split(",")) {
					grants.add(verb.strip() + " " + resource.group(1));
				}
			}
		}
		return grants;
	}

	/** The same "verb group/resource" strings for what the rules grant. */
	static Set<String> grants(List<PolicyRule> rules) {
		Set<String> grants = new HashSet<>();
		for (PolicyRule rule : rules) {
			for (String group : rule.getApiGroups()) {
				for (String resource : rule.getResources()) {
					for (String verb : rule.getVerbs()) {
						grants.add(verb + " " + (group.isEmpty() ? "" : group + "/") + resource);
					}
				}
			}
		}
		return grants;
	}

	private static List<PolicyRule> rules(HasMetadata role) {
		return switch (role) {
			case ClusterRole clusterRole -> clusterRole.getRules();
			case Role namespaced -> namespaced.getRules();
			default -> List.of();
		};
	}

	@Test
	void runsTheAlertPathTwiceWithADisruptionBudgetInProduction() {
		List<PodDisruptionBudget> budgets = objects("production", PodDisruptionBudget.class);
		for (Deployment deployment : objects("production", Deployment.class)) {
			String name = deployment.getMetadata().getName();
			if (!REDUNDANT.contains(name)) {
				continue;
			}
			assertThat(deployment.getSpec().getReplicas()).as(name + " replicas").isGreaterThanOrEqualTo(2);
			Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
			assertThat(budgets).as("PodDisruptionBudget for " + name).anySatisfy((budget) -> {
				assertThat(podLabels).containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
				assertThat(budget.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
			});
		}
	}

	@Test
	void leavesThePlaceholderSecretsOutOfProduction() {
		assertThat(objects("production", Secret.class)).isEmpty();
	}

	@Test
	void definesEverySecretKeyTheDevPodsReference() {
		Map<String, Set<String>> keys = new HashMap<>();
		for (Secret secret : objects("dev", Secret.class)) {
			Set<String> names = new HashSet<>();
			if (secret.getStringData() != null) {
				names.addAll(secret.getStringData().keySet());
			}
			if (secret.getData() != null) {
				names.addAll(secret.getData().keySet());
			}
			keys.put(secret.getMetadata().getName(), names);
		}
		for (PodSpecOf pod : podSpecs("dev")) {
			pod.spec()
				.getContainers()
				.stream()
				.flatMap((container) -> container.getEnv().stream())
				.filter((env) -> env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null)
				.map((env) -> env.getValueFrom().getSecretKeyRef())
				.forEach((ref) -> assertThat(keys.getOrDefault(ref.getName(), Set.of()))
					.as(pod.name() + " needs secret " + ref.getName() + "/" + ref.getKey())
					.contains(ref.getKey()));
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void documentsARunbookForEveryShippedAlert() throws IOException {
		String runbooks = Files.readString(Path.of("..", "docs", "runbooks.md"));
		List<String> alerts = objects("production", GenericKubernetesResource.class).stream()
			.filter((object) -> "PrometheusRule".equals(object.getKind()))
			.flatMap((rule) -> this.<List<Map<String, Object>>>property(rule, "spec", "groups").stream())
			.flatMap((group) -> ((List<Map<String, Object>>) group.get("rules")).stream())
			.map((rule) -> (String) rule.get("alert"))
			.filter(Objects::nonNull)
			.toList();

		assertThat(alerts).hasSizeGreaterThanOrEqualTo(7);
		for (String alert : alerts) {
			assertThat(runbooks).as("docs/runbooks.md section for " + alert).contains("\n## " + alert + "\n");
		}
	}

	private static String httpPath(Probe probe) {
		return (probe != null && probe.getHttpGet() != null) ? probe.getHttpGet().getPath() : null;
	}

	@SuppressWarnings("unchecked")
	private <T> T property(GenericKubernetesResource object, String... path) {
		Object current = object.getAdditionalProperties();
		for (String key : path) {
			current = ((Map<String, Object>) current).get(key);
		}
		return (T) current;
	}

	private static List<PodSpecOf> podSpecs(String overlay) {
		Stream<PodSpecOf> deployments = objects(overlay, Deployment.class).stream()
			.map((d) -> new PodSpecOf(d.getMetadata().getName(), d.getSpec().getTemplate().getSpec()));
		Stream<PodSpecOf> statefulSets = objects(overlay, StatefulSet.class).stream()
			.map((s) -> new PodSpecOf(s.getMetadata().getName(), s.getSpec().getTemplate().getSpec()));
		return Stream.concat(deployments, statefulSets).toList();
	}

	private static <T extends HasMetadata> List<T> objects(String overlay, Class<T> type) {
		return render(overlay).stream().filter(type::isInstance).map(type::cast).toList();
	}

	private static synchronized List<HasMetadata> render(String overlay) {
		return rendered.computeIfAbsent(overlay, KubernetesManifestsTest::kustomize);
	}

	private static List<HasMetadata> kustomize(String overlay) {
		Path directory = OVERLAYS.resolve(overlay);
		String output;
		try {
			Process process = new ProcessBuilder("kubectl", "kustomize", directory.toString()).redirectErrorStream(true)
				.start();
			output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("kubectl kustomize finished").isTrue();
			assertThat(process.exitValue()).as("kubectl kustomize " + directory + ":\n" + output).isZero();
		}
		catch (IOException ex) {
			// Rendering the base files without kustomize would test something else than
			// what
			// operators apply, so without kubectl these checks are skipped, visibly.
			assumeTrue(false, "kubectl is not on the PATH, so the Kustomize overlays cannot be rendered: " + ex);
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		Object parsed = new KubernetesSerialization().unmarshal(output);
		List<HasMetadata> objects = new ArrayList<>();
		if (parsed instanceof List<?> list) {
			list.forEach((item) -> objects.add((HasMetadata) item));
		}
		else {
			objects.add((HasMetadata) parsed);
		}
		return objects;
	}

	record PodSpecOf(String name, PodSpec spec) {
	}

}
