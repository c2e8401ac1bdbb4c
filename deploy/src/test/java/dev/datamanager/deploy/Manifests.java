package dev.datamanager.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Kubernetes manifests read document by document into the API's own types (fabric8's model of each kind). */
final class Manifests {

  static final Path KUBERNETES = Checkout.DEPLOY.resolve("kubernetes");

  private static final YAMLMapper YAML = YAMLMapper.builder().build();
  private static final Map<String, Class<? extends HasMetadata>> TYPES = Map.of(
      "apps/v1 Deployment", Deployment.class,
      "apps/v1 StatefulSet", StatefulSet.class,
      "v1 Service", Service.class,
      "v1 Secret", Secret.class,
      "v1 ConfigMap", ConfigMap.class,
      "policy/v1 PodDisruptionBudget", PodDisruptionBudget.class);

  private Manifests() {}

  /** The YAML documents of a file, as trees. */
  static List<JsonNode> documents(Path file) {
    return documentsOf(Checkout.read(file));
  }

  /** The documents of a YAML text, as trees. */
  static List<JsonNode> documentsOf(String yaml) {
    List<JsonNode> documents = new ArrayList<>();
    for (JsonNode document : YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll()) {
      if (!document.isNull() && !document.isMissingNode()) {
        documents.add(document);
      }
    }
    return documents;
  }

  /** A file of one YAML document (a kustomization, a patch) as a tree. */
  static JsonNode tree(Path file) {
    List<JsonNode> documents = documents(file);
    assertEquals(1, documents.size(), file + " holds one document");
    return documents.get(0);
  }

  /** Every object of a file, each as the type of its apiVersion and kind; a kind not known here fails the reading. */
  static List<HasMetadata> read(Path file) {
    List<HasMetadata> objects = new ArrayList<>();
    for (JsonNode document : documents(file)) {
      String kind = document.path("apiVersion").asString() + " " + document.path("kind").asString();
      Class<? extends HasMetadata> type = TYPES.get(kind);
      assertNotNull(type, file + ": no type for " + kind);
      objects.add(as(document, type));
    }
    return objects;
  }

  static <T> T as(JsonNode tree, Class<T> type) {
    return YAML.treeToValue(tree, type);
  }

  /** The one object of a type in a file. */
  static <T extends HasMetadata> T one(Path file, Class<T> type) {
    List<T> found = all(List.of(file), type);
    assertEquals(1, found.size(), file + " holds one " + type.getSimpleName());
    return found.get(0);
  }

  /** The objects of a type in some files. */
  static <T extends HasMetadata> List<T> all(Collection<Path> files, Class<T> type) {
    return files.stream().flatMap(file -> read(file).stream()).filter(type::isInstance).map(type::cast).toList();
  }

  /**
   * Where an object holds fields its type does not know, such as a misspelt {@code readinesProbe}. fabric8 keeps
   * them aside as "additional properties" instead of failing, and Kubernetes would drop or refuse them.
   */
  static List<String> unknownFields(Object model) {
    List<String> found = new ArrayList<>();
    collectUnknown(model, "", found, Collections.newSetFromMap(new IdentityHashMap<>()));
    return found;
  }

  private static void collectUnknown(Object value, String path, List<String> found, Set<Object> seen) {
    if (value == null || !seen.add(value)) {
      return;
    }
    if (value instanceof Collection<?> items) {
      int index = 0;
      for (Object item : items) {
        collectUnknown(item, path + "[" + index++ + "]", found, seen);
      }
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((key, item) -> collectUnknown(item, path + "." + key, found, seen));
      return;
    }
    if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
      return;
    }
    for (Method getter : value.getClass().getMethods()) {
      if (getter.getParameterCount() > 0 || !getter.getName().startsWith("get")
          || Modifier.isStatic(getter.getModifiers()) || getter.getDeclaringClass() == Object.class) {
        continue;
      }
      Object child = invoke(getter, value);
      if (getter.getName().equals("getAdditionalProperties")) {
        ((Map<?, ?>) child).keySet().forEach(key -> found.add(path + "." + key));
      } else {
        collectUnknown(child, path + "." + getter.getName().substring(3), found, seen);
      }
    }
  }

  private static Object invoke(Method getter, Object target) {
    try {
      return getter.invoke(target);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(getter.toString(), e);
    }
  }
}
