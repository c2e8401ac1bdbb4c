package dev.datamanager.core.migration;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.spi.JsonProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A store's migration steps, numbered 1 to n without gaps, and how a document is brought to the end of them. */
public final class MigrationChain {

  private final String store;
  private final List<MigrationStep> steps;

  public MigrationChain(String store, List<MigrationStep> steps) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).number() != i + 1) {
        throw new IllegalArgumentException("Migration steps of " + store + " must be numbered 0001 upwards without"
            + " gaps; step " + (i + 1) + " is " + steps.get(i).label());
      }
    }
    this.store = store;
    this.steps = List.copyOf(steps);
  }

  /** A store without migrations: every record is at schema version 0 and stays there. */
  public static MigrationChain none(String store) {
    return new MigrationChain(store, List.of());
  }

  public String store() {
    return store;
  }

  public List<MigrationStep> steps() {
    return steps;
  }

  /** The schema version at the end of the chain: a record created from the template starts there. */
  public int latest() {
    return steps.size();
  }

  /**
   * Brings {@code document}, at {@code schemaVersion}, to the end of the chain: each missing step in order, a step
   * whose {@code test} operation fails skipped (the version still advances past it).
   *
   * @throws RecordAhead if the document is past the end of this chain (migrated by a newer node)
   * @throws MigrationFailed if a step fails on anything but a {@code test}; nothing is changed then
   */
  public Migrated migrate(JsonObject document, int schemaVersion, JsonProvider json) {
    if (schemaVersion > latest()) {
      throw new RecordAhead(schemaVersion, latest());
    }
    if (schemaVersion < 0) {
      throw new IllegalArgumentException("A schema version is never negative: " + schemaVersion);
    }
    JsonObject current = document;
    int applied = 0;
    List<MigrationStep> skipped = new ArrayList<>();
    for (MigrationStep step : steps.subList(schemaVersion, steps.size())) {
      Optional<JsonObject> result = apply(step, current, json);
      if (result.isPresent()) {
        current = result.get();
        applied++;
      } else {
        skipped.add(step);
      }
    }
    return new Migrated(current, latest(), applied, skipped);
  }

  /** The step applied to {@code document}, or empty when one of its {@code test} operations failed. */
  static Optional<JsonObject> apply(MigrationStep step, JsonObject document, JsonProvider json) {
    try {
      return Optional.of(objectAfter(step, -1, json.createPatch(step.operations()).apply(document)));
    } catch (JsonException whole) {
      // Which operation failed decides between skipping the step and refusing the record: replay one at a time.
      return replay(step, document, json);
    }
  }

  private static Optional<JsonObject> replay(MigrationStep step, JsonObject document, JsonProvider json) {
    JsonStructure current = document;
    JsonArray operations = step.operations();
    for (int i = 0; i < operations.size(); i++) {
      JsonObject operation = operations.getJsonObject(i);
      try {
        current = json.createPatch(json.createArrayBuilder().add(operation).build()).apply(current);
      } catch (JsonException e) {
        if ("test".equals(operation.getString("op"))) {
          return Optional.empty();
        }
        throw new MigrationFailed(step, i, e.getMessage());
      }
    }
    return Optional.of(objectAfter(step, operations.size() - 1, current));
  }

  private static JsonObject objectAfter(MigrationStep step, int operation, JsonStructure result) {
    if (!(result instanceof JsonObject object)) {
      throw new MigrationFailed(step, Math.max(operation, 0), "the document would no longer be a JSON object");
    }
    return object;
  }
}
