package dev.datamanager.core.patch;

import dev.datamanager.api.error.InvalidPatchException;
import dev.datamanager.core.template.JsonType;
import dev.datamanager.core.template.MemberPath;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** Refuses a patched document in which a patch removed a template member or changed its JSON type. */
final class TemplateTypeGuard {

  private TemplateTypeGuard() {}

  /**
   * Checks {@code after} against {@code template}, walking only the template's members, so the cost follows the
   * template's size rather than the document's. Only what the patch changed is judged: a member that was
   * already off-template when loaded (reconcile keeps and reports those) does not block unrelated patches.
   */
  static void check(JsonObject before, JsonObject after, JsonObject template) {
    check(before, after, template, MemberPath.ROOT);
  }

  private static void check(JsonObject before, JsonObject after, JsonObject template, String path) {
    for (var entry : template.entrySet()) {
      JsonType expected = JsonType.of(entry.getValue());
      JsonValue was = before == null ? null : before.get(entry.getKey());
      JsonValue now = after.get(entry.getKey());
      // Identical instances mean the patch did not touch this subtree; JSON-P shares untouched values.
      if (!expected.constrains() || now == was) {
        continue;
      }
      String memberPath = MemberPath.child(path, entry.getKey());
      if (now == null) {
        if (was != null) {
          throw new InvalidPatchException(memberPath, memberPath + " is part of the store's template and cannot"
              + " be removed (in a merge patch, null removes a member); set it to a " + expected.label()
              + " instead.");
        }
      } else if (JsonType.of(now) != expected) {
        if (!now.equals(was)) {
          throw new InvalidPatchException(memberPath, memberPath + " must stay a " + expected.label()
              + ", as the store's template has it; the patch makes it a " + JsonType.of(now).label() + ".");
        }
      } else if (expected == JsonType.OBJECT) {
        JsonObject nestedBefore = was instanceof JsonObject object ? object : null;
        check(nestedBefore, now.asJsonObject(), entry.getValue().asJsonObject(), memberPath);
      }
    }
  }
}
