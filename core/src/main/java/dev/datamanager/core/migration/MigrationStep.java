package dev.datamanager.core.migration;

import jakarta.json.JsonArray;

/**
 * One step of a store's migration chain: the JSON Patch in file {@code NNNN-name.json}, and the checksum of that
 * patch (its compact JSON text, so reformatting the file changes nothing, changing an operation does).
 */
public record MigrationStep(int number, String name, JsonArray operations, String checksum) {

  /** How the step is named in logs and problem details: {@code 0003-split-currency}. */
  public String label() {
    return String.format("%04d-%s", number, name);
  }
}
