package dev.datamanager.core.migration;

import jakarta.json.JsonObject;
import java.util.List;

/**
 * A document brought to the end of its store's chain: the new document, its schema version, and the steps skipped
 * because one of their {@code test} operations failed; {@code applied} counts the steps that changed nothing or
 * something. A document already at the end comes back as it was, with nothing applied.
 */
public record Migrated(JsonObject document, int schemaVersion, int applied, List<MigrationStep> skipped) {

  public Migrated {
    skipped = List.copyOf(skipped);
  }

  /** True when at least one step ran or was skipped, so the record's schema version moved. */
  public boolean moved() {
    return applied > 0 || !skipped.isEmpty();
  }
}
