package dev.datamanager.core.patch;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The member names a patch may have changed, as a tree: a member outside it is the same before and after the patch,
 * so a size change is found without visiting the rest of the document. A leaf means "anything below may differ".
 */
final class Touched {

  /** Anything at this level and below may differ. */
  static final Touched ANYTHING = new Touched();

  private final Map<String, Touched> children = new HashMap<>();

  private Touched() {}

  /** What a merge patch (RFC 7396) can change: the members it names, and below them what it names there. */
  static Touched byMergePatch(JsonValue patch) {
    if (!(patch instanceof JsonObject members) || members.isEmpty()) {
      return patch instanceof JsonObject ? new Touched() : ANYTHING;
    }
    Touched touched = new Touched();
    members.forEach((name, value) -> touched.children.put(name, byMergePatch(value)));
    return touched;
  }

  /** What a JSON Patch (RFC 6902) can change: each operation's {@code path} and {@code from}, and all below them. */
  static Touched byJsonPatch(JsonArray operations) {
    Touched root = new Touched();
    for (JsonValue operation : operations) {
      JsonObject fields = operation.asJsonObject();
      for (String pointer : new String[] {"path", "from"}) {
        if (fields.get(pointer) instanceof JsonString text && root != ANYTHING) {
          root = root.mark(text.getString());
        }
      }
    }
    return root;
  }

  /** Marks everything at and below {@code pointer} (RFC 6901); answers the tree's new root. */
  private Touched mark(String pointer) {
    if (pointer.isEmpty()) {
      return ANYTHING;
    }
    String[] tokens = pointer.substring(1).split("/", -1);
    Touched node = this;
    for (int i = 0; i < tokens.length; i++) {
      String name = tokens[i].replace("~1", "/").replace("~0", "~");
      Touched child = node.children.get(name);
      if (child == ANYTHING) {
        return this;
      }
      if (i == tokens.length - 1) {
        node.children.put(name, ANYTHING);
      } else {
        node = child != null ? child : putNew(node, name);
      }
    }
    return this;
  }

  private static Touched putNew(Touched parent, String name) {
    Touched child = new Touched();
    parent.children.put(name, child);
    return child;
  }

  boolean isAnything() {
    return this == ANYTHING;
  }

  Set<String> names() {
    return children.keySet();
  }

  Touched child(String name) {
    return children.get(name);
  }
}
