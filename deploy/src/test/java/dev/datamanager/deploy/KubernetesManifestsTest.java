package dev.datamanager.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Kubernetes manifests, read as Kubernetes objects: a stopping node drains and has time to save before it is
 * killed, the probes, the Service and the disruption budget reach the nodes, and every value a node reads is supplied.
 */
class KubernetesManifestsTest {

  // Each check was seen to fail on an edit planted to break what it checks: a grace period of 60 s, no --max-time on
  // the drain call, the sleep before it, the drain as a GET, to another port or as support, readiness on /health/live,
  // a short startup budget, the server id from spec.nodeName, the memory request at 256Mi or the limit at 1Gi, no cpu
  // limit, runAsNonRoot removed, a misspelt field, DB_PASSWORD written in, a PDB that lets all or no node go, a PDB or
  // Service selector that matches no pod, a manifest missing from the kustomization, the example Secrets applied or
  // a key missing from them, a real-looking password in them, a patched env entry that keeps its valueFrom.

  private static final Path BASE = Manifests.KUBERNETES.resolve("base");
  private static final Path OVERLAY = Manifests.KUBERNETES.resolve("overlays/postgres");
  private static final Path SECRET_EXAMPLE = Manifests.KUBERNETES.resolve("secret-example.yaml");
  private static final String CREDENTIALS_SECRET = "datamanager-credentials";
  private static final List<String> CREDENTIALS = List.of(
      "DATAMANAGER_GAME_USER", "DATAMANAGER_GAME_PASSWORD",
      "DATAMANAGER_ADMIN_USER", "DATAMANAGER_ADMIN_PASSWORD",
      "DATAMANAGER_SUPPORT_USER", "DATAMANAGER_SUPPORT_PASSWORD");
  private static final List<String> DATABASE = List.of("DB_HOST", "DB_PORT", "DB_NAME", "DB_USER", "DB_PASSWORD");

  private static final long MIB = 1024 * 1024;
  /** BENCHMARKS.md line 7: 100 000 held sessions of 2 KB take 465 MB (MiB) of heap. */
  private static final long SESSIONS_HEAP_MIB = 465;
  /** The most heap a node of the fleet run used besides its sessions (BENCHMARKS.md, fleet: max 253 MB). */
  private static final long NODE_HEAP_MIB = 253;
  /** Time past the drain wait and the flush for Liberty to stop everything else and the JVM to exit. */
  private static final long STOP_MARGIN_SECONDS = 10;
  /** How long the readiness check waits for the database (DatabaseReadinessCheck); a probe must wait longer. */
  private static final int READINESS_DATABASE_SECONDS = 2;
  /** Liberty starts in about 20 s, but has taken minutes on a starved machine (BENCHMARKS.md). */
  private static final int STARTUP_BUDGET_SECONDS = 120;
  /** A busy node answers late now and then; only a node silent this long is restarted. */
  private static final int LIVENESS_PATIENCE_SECONDS = 30;

  private static NodeDeployment nodes;
  private static Container node;

  @BeforeAll
  static void readTheDeployment() {
    nodes = NodeDeployment.read(BASE.resolve("deployment.yaml"));
    node = nodes.node;
  }

  @Test
  void everyManifestIsOfAKnownKindWithNoFieldItsTypeDoesNotKnow() throws IOException {
    List<Path> manifests = manifestFiles();
    assertFalse(manifests.isEmpty());
    for (Path file : manifests) {
      for (HasMetadata object : Manifests.read(file)) {
        assertEquals(List.of(), Manifests.unknownFields(object), file + ": " + object.getKind() + ", unknown fields");
      }
    }
  }

  @Test
  void aStoppingNodeHasTimeToDrainAndToFlushBeforeItIsKilled() {
    Duration flush = Duration.parse(nodes.env("DATAMANAGER_SHUTDOWN_TIMEOUT").getValue());
    String preStop = nodes.preStopScript();
    long drainCall = number(preStop, "--max-time (\\d+)", "the drain call has no --max-time: it could take it all");
    long wait = number(preStop, "sleep (\\d+)", "the preStop hook does not wait for the players to move");
    long needed = drainCall + wait + flush.toSeconds() + STOP_MARGIN_SECONDS;
    long grace = nodes.pod.getTerminationGracePeriodSeconds();
    assertTrue(grace > needed, "terminationGracePeriodSeconds " + grace + " is not above the drain call (" + drainCall
        + " s), the wait (" + wait + " s), the shutdown flush (" + flush + ") and a margin of " + STOP_MARGIN_SECONDS
        + " s: the node would be killed with sessions unsaved");
  }

  @Test
  void beforeItWaitsTheNodeIsDrainedByAnAdminOnItsOwnPort() {
    List<String> commands = List.of(nodes.preStopScript().split(";|&&|\\|\\||\n"));
    int drain = indexOf(commands, "/api/v1/server/drain");
    int sleep = indexOf(commands, "sleep ");
    assertTrue(drain >= 0, "the preStop hook does not drain the node");
    assertTrue(drain < sleep, "the preStop hook waits before it drains: the players could not move while it waits");
    String call = commands.get(drain);
    assertTrue(call.strip().startsWith("curl "), "the drain call is not made with curl: " + call);
    assertTrue(Pattern.compile("(--request|-X)\\s+POST").matcher(call).find(), "the drain is a POST: " + call);
    Matcher url = Pattern.compile("http://localhost:(\\d+)/api/v1/server/drain").matcher(call);
    assertTrue(url.find(), "the drain call does not go to this node: " + call);
    assertEquals(nodes.containerPort(), Integer.parseInt(url.group(1)), "the drain call goes to another port");
    assertTrue(call.contains("$DATAMANAGER_ADMIN_USER:$DATAMANAGER_ADMIN_PASSWORD"),
        "only an admin may drain, and the drain call does not send the admin's credentials: " + call);
    for (String admin : List.of("DATAMANAGER_ADMIN_USER", "DATAMANAGER_ADMIN_PASSWORD")) {
      assertEquals(CREDENTIALS_SECRET, nodes.secretKey(admin).getName(), admin + " is not the node's own admin");
    }
  }

  @Test
  void probesAskTheNodesHealthEndpointsOnItsHttpPort() {
    assertProbe(node.getReadinessProbe(), "readiness", "/health/ready");
    assertProbe(node.getLivenessProbe(), "liveness", "/health/live");
    assertProbe(node.getStartupProbe(), "startup", "/health/started");
    assertTrue(orDefault(node.getReadinessProbe().getTimeoutSeconds(), 1) > READINESS_DATABASE_SECONDS,
        "the readiness probe gives up before the database check does");
    assertTrue(patience(node.getStartupProbe()) >= STARTUP_BUDGET_SECONDS,
        "the startup probe gives a node less than " + STARTUP_BUDGET_SECONDS + " s to start");
    assertTrue(patience(node.getLivenessProbe()) >= LIVENESS_PATIENCE_SECONDS,
        "the liveness probe restarts a node that was busy for less than " + LIVENESS_PATIENCE_SECONDS + " s");
  }

  @Test
  void theContainerPortIsTheOneLibertyListensOn() {
    String httpPort = Checkout.xpath(Checkout.file("liberty-config/server.xml"),
        "/server/variable[@name='HTTP_PORT']/@defaultValue");
    EnvVar set = node.getEnv().stream().filter(e -> e.getName().equals("HTTP_PORT")).findFirst().orElse(null);
    assertEquals(Integer.parseInt(set != null ? set.getValue() : httpPort), nodes.containerPort());
  }

  @Test
  void eachNodeIsNamedAfterItsPod() {
    EnvVarSource serverId = nodes.env("DATAMANAGER_SERVER_ID").getValueFrom();
    assertNotNull(serverId, "DATAMANAGER_SERVER_ID is a fixed value: every node would have the same id");
    assertNotNull(serverId.getFieldRef(), "DATAMANAGER_SERVER_ID is not the pod's name");
    assertEquals("metadata.name", serverId.getFieldRef().getFieldPath());
  }

  @Test
  void theNodesUsePostgresAndTakeEveryCredentialFromSecrets() {
    assertEquals(3, nodes.replicas());
    assertEquals("postgres", nodes.env("DB_KIND").getValue(), "several nodes need the shared PostgreSQL");
    for (String credential : CREDENTIALS) {
      assertEquals(CREDENTIALS_SECRET, nodes.secretKey(credential).getName(), credential);
    }
    for (String setting : DATABASE) {
      EnvVarSource source = nodes.env(setting).getValueFrom();
      assertTrue(source != null && (source.getSecretKeyRef() != null || source.getConfigMapKeyRef() != null),
          setting + " is written into the Deployment instead of coming from a Secret or ConfigMap");
    }
    nodes.secretKey("DB_PASSWORD");
  }

  @Test
  void theExampleSecretsHoldEveryKeyTheManifestsReadAndPlaceholderPasswordsOnly() throws IOException {
    Map<String, Set<String>> provided = new HashMap<>();
    for (Secret secret : Manifests.all(List.of(SECRET_EXAMPLE), Secret.class)) {
      Set<String> keys = new TreeSet<>();
      if (secret.getStringData() != null) {
        keys.addAll(secret.getStringData().keySet());
        secret.getStringData().forEach((key, value) -> assertTrue(
            !key.endsWith("PASSWORD") || value.contains("CHANGE-ME"), SECRET_EXAMPLE + ": " + key + " is real"));
      }
      if (secret.getData() != null) {
        keys.addAll(secret.getData().keySet());
      }
      provided.put(secret.getMetadata().getName(), keys);
    }
    List<Container> readers = new ArrayList<>(List.of(node));
    for (StatefulSet set : Manifests.all(manifestFiles(), StatefulSet.class)) {
      readers.addAll(set.getSpec().getTemplate().getSpec().getContainers());
    }
    for (Container container : readers) {
      for (EnvVar variable : container.getEnv()) {
        SecretKeySelector key = variable.getValueFrom() == null ? null : variable.getValueFrom().getSecretKeyRef();
        if (key != null) {
          assertTrue(provided.getOrDefault(key.getName(), Set.of()).contains(key.getKey()),
              container.getName() + " reads " + key.getName() + "/" + key.getKey() + ", which the example lacks");
        }
      }
    }
  }

  @Test
  void memoryHoldsTheMeasuredHeapOfAFullNode() {
    ResourceRequirements resources = node.getResources();
    assertNotNull(resources, "no resources: the scheduler would not reserve memory for the sessions");
    for (String resource : List.of("memory", "cpu")) {
      assertNotNull(resources.getRequests().get(resource), "no request for " + resource);
      assertNotNull(resources.getLimits().get(resource), "no limit for " + resource);
    }
    long request = mib(resources.getRequests().get("memory"));
    long limit = mib(resources.getLimits().get("memory"));
    assertTrue(request >= SESSIONS_HEAP_MIB, "a node is promised " + request + " MiB, less than the heap of "
        + "100 000 sessions (" + SESSIONS_HEAP_MIB + " MiB)");
    assertTrue(request <= limit, "the memory request is above the limit");
    long heap = openJ9DefaultHeap(limit);
    assertTrue(heap >= SESSIONS_HEAP_MIB + NODE_HEAP_MIB, "under a limit of " + limit + " MiB OpenJ9 takes "
        + heap + " MiB of heap, less than 100 000 sessions and the node need");
  }

  @Test
  void theNodesRunAsAUserThatIsNotRoot() {
    Boolean podWide = nodes.pod.getSecurityContext() == null ? null : nodes.pod.getSecurityContext().getRunAsNonRoot();
    SecurityContext own = node.getSecurityContext();
    Boolean nonRoot = own != null && own.getRunAsNonRoot() != null ? own.getRunAsNonRoot() : podWide;
    assertEquals(Boolean.TRUE, nonRoot, "runAsNonRoot is not set: an image running as root would start");
    assertEquals(Boolean.FALSE, own == null ? null : own.getAllowPrivilegeEscalation(),
        "the node's process could gain privileges");
  }

  @Test
  void theDisruptionBudgetCoversTheNodesAndAlwaysLeavesSomeRunning() {
    PodDisruptionBudget budget = Manifests.one(BASE.resolve("pdb.yaml"), PodDisruptionBudget.class);
    LabelSelector selector = budget.getSpec().getSelector();
    assertTrue(nodes.selectedBy(selector.getMatchLabels()), "the PodDisruptionBudget selects no node");
    assertTrue(selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty(),
        "matchExpressions are not checked here: use matchLabels");
    IntOrString maxUnavailable = budget.getSpec().getMaxUnavailable();
    IntOrString minAvailable = budget.getSpec().getMinAvailable();
    assertTrue(maxUnavailable == null ^ minAvailable == null, "set one of maxUnavailable and minAvailable");
    int left = maxUnavailable != null ? nodes.replicas() - count(maxUnavailable) : count(minAvailable);
    assertTrue(left >= 1, "the budget lets every node go at once");
    assertTrue(left < nodes.replicas(), "the budget lets no node go: draining a machine would wait forever");
  }

  @Test
  void theServiceReachesTheNodesOnTheirHttpPort() {
    Service service = Manifests.one(BASE.resolve("service.yaml"), Service.class);
    assertTrue(nodes.selectedBy(service.getSpec().getSelector()), "the Service selects no node");
    List<ServicePort> ports = service.getSpec().getPorts();
    assertEquals(1, ports.size());
    ServicePort http = ports.get(0);
    assertEquals("http", http.getName());
    assertEquals(80, http.getPort());
    assertEquals(nodes.containerPort(), nodes.port(http.getTargetPort()), "the Service sends its traffic elsewhere");
  }

  @Test
  void theBaseAppliesEveryManifestOfItsFolderAndNoKustomizationTheExampleSecrets() throws IOException {
    Set<String> listed = new TreeSet<>();
    Manifests.tree(BASE.resolve("kustomization.yaml")).path("resources").forEach(r -> listed.add(r.asString()));
    Set<String> present = new TreeSet<>();
    try (Stream<Path> files = Files.list(BASE)) {
      files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml"))
          .forEach(present::add);
    }
    assertEquals(present, listed, "the base kustomization does not list exactly the manifests of its folder");
    // Listed, the example would put its placeholders back over the real Secrets at every `kubectl apply -k`.
    for (Path kustomization : List.of(BASE.resolve("kustomization.yaml"), OVERLAY.resolve("kustomization.yaml"))) {
      Manifests.tree(kustomization).path("resources").forEach(r -> assertFalse(
          kustomization.getParent().resolve(r.asString()).normalize().equals(SECRET_EXAMPLE),
          kustomization + " applies the example Secrets"));
    }
  }

  @Test
  void theTryItOverlayPointsTheNodesAtThePostgresItAdds() {
    JsonNode kustomization = Manifests.tree(OVERLAY.resolve("kustomization.yaml"));
    List<Path> added = new ArrayList<>();
    boolean base = false;
    for (JsonNode resource : kustomization.path("resources")) {
      Path path = OVERLAY.resolve(resource.asString()).normalize();
      assertTrue(Files.exists(path), path + " does not exist");
      base |= path.equals(BASE);
      if (Files.isRegularFile(path)) {
        added.add(path);
      }
    }
    assertTrue(base, "the overlay does not build on the base");
    StatefulSet postgres = Manifests.all(added, StatefulSet.class).get(0);
    Service database = Manifests.all(added, Service.class).get(0);
    Map<String, String> postgresLabels = postgres.getSpec().getTemplate().getMetadata().getLabels();
    assertTrue(database.getSpec().getSelector().entrySet().stream()
        .allMatch(label -> label.getValue().equals(postgresLabels.get(label.getKey()))),
        "the overlay's Service does not select its PostgreSQL");

    Map<String, JsonNode> patched = new HashMap<>();
    for (JsonNode patch : kustomization.path("patches")) {
      assertEquals("Deployment", patch.path("target").path("kind").asString());
      assertEquals(nodes.name(), patch.path("target").path("name").asString());
      JsonNode tree = Manifests.documentsOf(patch.path("patch").asString()).get(0);
      assertEquals(List.of(), Manifests.unknownFields(Manifests.as(tree, Deployment.class)), "unknown patch fields");
      for (JsonNode container : tree.path("spec").path("template").path("spec").path("containers")) {
        assertEquals(node.getName(), container.path("name").asString(), "the patch names another container");
        container.path("env").forEach(variable -> patched.put(variable.path("name").asString(), variable));
      }
    }
    for (Map.Entry<String, JsonNode> variable : patched.entrySet()) {
      nodes.env(variable.getKey());
      // A patch merges into the base's entry: without an explicit null the base's valueFrom stays beside the value.
      assertTrue(variable.getValue().has("valueFrom") && variable.getValue().get("valueFrom").isNull(),
          variable.getKey() + ": the patch does not remove the base's valueFrom");
    }
    assertEquals(database.getMetadata().getName(), patched.get("DB_HOST").path("value").asString());
    assertEquals(String.valueOf(database.getSpec().getPorts().get(0).getPort()),
        patched.get("DB_PORT").path("value").asString());
  }

  private static List<Path> manifestFiles() throws IOException {
    try (Stream<Path> files = Files.walk(Manifests.KUBERNETES)) {
      return files.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith("kustomization.yaml")).sorted().toList();
    }
  }

  private static void assertProbe(Probe probe, String kind, String path) {
    assertNotNull(probe, "no " + kind + " probe");
    assertNotNull(probe.getHttpGet(), "the " + kind + " probe asks no HTTP endpoint");
    assertEquals(path, probe.getHttpGet().getPath(), "the " + kind + " probe asks another endpoint");
    assertEquals(nodes.containerPort(), nodes.port(probe.getHttpGet().getPort()),
        "the " + kind + " probe asks another port");
  }

  /** How long a probe goes on failing before Kubernetes acts (Kubernetes' defaults where a value is not set). */
  private static int patience(Probe probe) {
    return orDefault(probe.getInitialDelaySeconds(), 0)
        + orDefault(probe.getPeriodSeconds(), 10) * orDefault(probe.getFailureThreshold(), 3);
  }

  private static int orDefault(Integer value, int kubernetesDefault) {
    return value != null ? value : kubernetesDefault;
  }

  private static int count(IntOrString value) {
    assertNotNull(value.getIntVal(), "a percentage is not checked here: give a number of pods");
    return value.getIntVal();
  }

  private static int indexOf(List<String> commands, String text) {
    for (int i = 0; i < commands.size(); i++) {
      if (commands.get(i).contains(text)) {
        return i;
      }
    }
    return -1;
  }

  private static long number(String text, String regex, String missing) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    assertTrue(matcher.find(), missing);
    return Long.parseLong(matcher.group(1));
  }

  private static long mib(Quantity quantity) {
    return Quantity.getAmountInBytes(quantity).longValueExact() / MIB;
  }

  /** OpenJ9's default maximum heap in a container (its -XX:+UseContainerSupport table), for a limit in MiB. */
  private static long openJ9DefaultHeap(long limitMib) {
    if (limitMib < 1024) {
      return limitMib / 2;
    }
    return limitMib <= 2048 ? limitMib - 512 : limitMib * 3 / 4;
  }
}
