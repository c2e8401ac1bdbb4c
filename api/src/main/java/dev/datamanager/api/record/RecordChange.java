package dev.datamanager.api.record;

import java.util.Objects;

/**
 * A change an admin (or a job) makes to one record, in a form another node can apply: a whole document to put in
 * place, a patch, or erasure.
 *
 * @param body the document (REPLACE) or the patch (PATCH) as JSON text; null for ERASE
 * @param mediaType the patch's media type (PATCH only)
 */
public record RecordChange(Kind kind, String body, String mediaType) {

  /**
   * What the change does. GUARDED is a JSON Patch applied only if the live document still matches a condition; its
   * body is {@code {"where": {"pointer": …, "equals": …}, "patch": […]}} (a bulk job's change). MIGRATE brings the
   * record to the schema version of its body, {@code {"schemaVersion": n}}, with the store's migration steps.
   */
  public enum Kind { REPLACE, PATCH, ERASE, GUARDED, MIGRATE }

  public RecordChange {
    Objects.requireNonNull(kind, "kind");
    if (kind != Kind.ERASE) {
      Objects.requireNonNull(body, "body");
    }
  }

  public static RecordChange replace(String document) {
    return new RecordChange(Kind.REPLACE, document, null);
  }

  public static RecordChange patch(String patch, String mediaType) {
    return new RecordChange(Kind.PATCH, patch, Objects.requireNonNull(mediaType, "mediaType"));
  }

  /** A JSON Patch applied only where the member at {@code where.pointer} equals {@code where.equals}; see Kind. */
  public static RecordChange guarded(String body) {
    return new RecordChange(Kind.GUARDED, body, "application/json-patch+json");
  }

  /** Brings the record to {@code schemaVersion} with its store's migration steps; see Kind. */
  public static RecordChange migrate(int schemaVersion) {
    return new RecordChange(Kind.MIGRATE, "{\"schemaVersion\":" + schemaVersion + "}", null);
  }

  public static RecordChange erase() {
    return new RecordChange(Kind.ERASE, null, null);
  }
}
