package dev.datamanager.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The nodes' Deployment and the look-ups the checks make on its pods and its one container. */
final class NodeDeployment {

  final Deployment deployment;
  final PodSpec pod;
  final Container node;

  private NodeDeployment(Deployment deployment) {
    this.deployment = deployment;
    this.pod = deployment.getSpec().getTemplate().getSpec();
    assertEquals(1, pod.getContainers().size(), "one container per node");
    this.node = pod.getContainers().get(0);
  }

  static NodeDeployment read(Path file) {
    return new NodeDeployment(Manifests.one(file, Deployment.class));
  }

  String name() {
    return deployment.getMetadata().getName();
  }

  int replicas() {
    return deployment.getSpec().getReplicas();
  }

  EnvVar env(String name) {
    return node.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("the node has no " + name));
  }

  SecretKeySelector secretKey(String name) {
    EnvVar variable = env(name);
    assertTrue(variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null,
        name + " does not come from a Secret");
    return variable.getValueFrom().getSecretKeyRef();
  }

  /** The preStop hook's shell script ({@code sh -c <script>}), or its command line. */
  String preStopScript() {
    assertNotNull(node.getLifecycle(), "no lifecycle hooks");
    assertNotNull(node.getLifecycle().getPreStop(), "no preStop hook");
    List<String> command = node.getLifecycle().getPreStop().getExec().getCommand();
    boolean shell = command.size() == 3 && command.get(1).equals("-c");
    return shell ? command.get(2) : String.join(" ", command);
  }

  int containerPort() {
    assertEquals(1, node.getPorts().size(), "one container port");
    return node.getPorts().get(0).getContainerPort();
  }

  /** A probe's or a Service's port, by number or by the name of the container's port. */
  int port(IntOrString port) {
    if (port.getIntVal() != null) {
      return port.getIntVal();
    }
    return node.getPorts().stream().filter(p -> port.getStrVal().equals(p.getName())).findFirst()
        .orElseThrow(() -> new AssertionError("the container has no port named " + port.getStrVal()))
        .getContainerPort();
  }

  /** Whether a label selector picks the nodes' pods. */
  boolean selectedBy(Map<String, String> selector) {
    Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
    return selector != null && !selector.isEmpty()
        && selector.entrySet().stream().allMatch(label -> label.getValue().equals(labels.get(label.getKey())));
  }
}
