package dev.datamanager.persistence.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.persistence.testing.OnBothDatabases;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A migration step is fixed once used: a changed copy is found, a shorter list (an older node) is not a change. */
class MigrationStepsIT extends OnBothDatabases {

  static final MigrationSteps.Step ONE = new MigrationSteps.Step(1, "rename-coins", "aaa");
  static final MigrationSteps.Step TWO = new MigrationSteps.Step(2, "add-level", "bbb");

  @Test
  void stepsAreRecordedOnceAndAChangedOneIsReported() {
    assertEquals(List.of(), a.migrationSteps().check("PlayerData", List.of(ONE), "node-a"));
    assertEquals(List.of(), b.migrationSteps().check("PlayerData", List.of(ONE, TWO), "node-b"), "a new step");
    assertEquals(List.of(), a.migrationSteps().check("PlayerData", List.of(ONE), "node-a"), "an older node");
    assertEquals(List.of(), a.migrationSteps().check("Inventory", List.of(), "node-a"), "no steps at all");

    List<String> changed = b.migrationSteps().check("PlayerData",
        List.of(ONE, new MigrationSteps.Step(2, "add-level", "ccc")), "node-c");
    assertEquals(1, changed.size(), changed.toString());
    assertTrue(changed.get(0).contains("bbb") && changed.get(0).contains("ccc"), changed.get(0));
    List<String> renamed = b.migrationSteps().check("PlayerData",
        List.of(new MigrationSteps.Step(1, "rename-gold", "aaa")), "node-c");
    assertEquals(1, renamed.size(), "a renamed step is a changed step: " + renamed);
    assertEquals(List.of(), a.migrationSteps().check("Inventory", List.of(ONE), "node-a"), "stores are apart");
  }
}
