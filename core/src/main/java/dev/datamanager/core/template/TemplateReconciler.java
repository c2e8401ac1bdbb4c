package dev.datamanager.core.template;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.ArrayList;
import java.util.List;

/** Fills what a loaded record lacks from its store's template, without ever overwriting a stored value. */
public class TemplateReconciler {

  private final JsonProvider json;

  public TemplateReconciler() {
    this(JsonProvider.provider());
  }

  public TemplateReconciler(JsonProvider json) {
    this.json = json;
  }

  /**
   * Reconciles {@code stored} against {@code template}. The result is a new object; members the template
   * did not touch are shared with {@code stored}, which is safe because JSON-P values are immutable.
   */
  public Reconciliation reconcile(JsonObject stored, JsonObject template) {
    List<String> filled = new ArrayList<>();
    List<TypeMismatch> mismatches = new ArrayList<>();
    JsonObject document = merge(stored, template, MemberPath.ROOT, filled, mismatches);
    // merge() hands back the stored object itself when nothing was missing; callers get a fresh one regardless.
    if (document == stored) {
      document = json.createObjectBuilder(stored).build();
    }
    return new Reconciliation(document, filled, mismatches);
  }

  /** Returns {@code stored} itself when nothing below it was missing, so unchanged subtrees are not copied. */
  private JsonObject merge(
      JsonObject stored, JsonObject template, String path, List<String> filled, List<TypeMismatch> mismatches) {
    JsonObjectBuilder builder = null;
    for (var entry : template.entrySet()) {
      String key = entry.getKey();
      String memberPath = MemberPath.child(path, key);
      JsonValue expected = entry.getValue();
      JsonValue actual = stored.get(key);
      JsonValue replacement = null;
      if (actual == null) {
        // Template values are immutable JSON-P values, so the "deep copy" is the value itself.
        replacement = expected;
        filled.add(memberPath);
      } else if (isMismatch(expected, actual)) {
        // Kept as stored: "fixing" it would silently destroy player data.
        mismatches.add(new TypeMismatch(memberPath, JsonType.of(expected), JsonType.of(actual)));
      } else if (expected instanceof JsonObject nestedTemplate) {
        JsonObject nested = merge(actual.asJsonObject(), nestedTemplate, memberPath, filled, mismatches);
        replacement = nested == actual ? null : nested;
      }
      if (replacement != null) {
        builder = builder == null ? json.createObjectBuilder(stored) : builder;
        builder.add(key, replacement);
      }
    }
    return builder == null ? stored : builder.build();
  }

  private static boolean isMismatch(JsonValue expected, JsonValue actual) {
    JsonType type = JsonType.of(expected);
    return type.constrains() && type != JsonType.of(actual);
  }
}
