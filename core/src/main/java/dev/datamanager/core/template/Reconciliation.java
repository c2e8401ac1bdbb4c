package dev.datamanager.core.template;

import jakarta.json.JsonObject;
import java.util.List;

/**
 * The outcome of reconciling a record: the document to cache, the members filled from the template, and the
 * members kept although their type differs from the template (for the caller to log and count).
 */
public record Reconciliation(JsonObject document, List<String> filledPaths, List<TypeMismatch> mismatches) {

  public Reconciliation {
    filledPaths = List.copyOf(filledPaths);
    mismatches = List.copyOf(mismatches);
  }

  /** Whether reconcile added anything, in which case the record must be saved again. */
  public boolean filledAny() {
    return !filledPaths.isEmpty();
  }
}
