package dev.datamanager.core.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bringing documents at every older schema version to the end of a chain, step by step. */
class MigrationChainTest {

  static final JsonProvider JSON = JsonProvider.provider();

  // 1: rename coins to gold; 2: split gold into gold and gems, only where gold is 100 (a test); 3: add a level.
  static final MigrationChain CHAIN = new MigrationChain("PlayerData", List.of(
      step(1, "rename-coins", "[{\"op\":\"move\",\"from\":\"/coins\",\"path\":\"/gold\"}]"),
      step(2, "split-100", "[{\"op\":\"test\",\"path\":\"/gold\",\"value\":100},"
          + "{\"op\":\"replace\",\"path\":\"/gold\",\"value\":50},{\"op\":\"add\",\"path\":\"/gems\",\"value\":5}]"),
      step(3, "level", "[{\"op\":\"add\",\"path\":\"/level\",\"value\":1}]")));

  static MigrationStep step(int number, String name, String patch) {
    return new MigrationStep(number, name, (JsonArray) parse(patch), "checksum-" + number);
  }

  static jakarta.json.JsonValue parse(String text) {
    try (JsonReader reader = JSON.createReader(new StringReader(text))) {
      return reader.readValue();
    }
  }

  static JsonObject object(String text) {
    return (JsonObject) parse(text);
  }

  @Test
  void aRecordAtVersionZeroGetsEveryStepInOrder() {
    Migrated migrated = CHAIN.migrate(object("{\"coins\":100}"), 0, JSON);
    assertEquals(object("{\"gold\":50,\"gems\":5,\"level\":1}"), migrated.document());
    assertEquals(3, migrated.schemaVersion());
    assertEquals(3, migrated.applied());
    assertTrue(migrated.skipped().isEmpty());
  }

  @Test
  void aFailedTestSkipsItsStepButTheVersionAdvances() {
    Migrated migrated = CHAIN.migrate(object("{\"coins\":7}"), 0, JSON);
    assertEquals(object("{\"gold\":7,\"level\":1}"), migrated.document(), "step 2 left no half of itself");
    assertEquals(3, migrated.schemaVersion());
    assertEquals(2, migrated.applied());
    assertEquals(List.of(2), migrated.skipped().stream().map(MigrationStep::number).toList());
  }

  @Test
  void onlyTheMissingStepsRun() {
    Migrated fromOne = CHAIN.migrate(object("{\"gold\":100,\"coins\":3}"), 1, JSON);
    assertEquals(object("{\"gold\":50,\"coins\":3,\"gems\":5,\"level\":1}"), fromOne.document(),
        "step 1 (the move of coins) is not applied again");
    Migrated fromTwo = CHAIN.migrate(object("{\"gold\":100}"), 2, JSON);
    assertEquals(object("{\"gold\":100,\"level\":1}"), fromTwo.document());
  }

  @Test
  void aRecordAtTheEndIsLeftAsItIs() {
    JsonObject document = object("{\"anything\":true}");
    Migrated migrated = CHAIN.migrate(document, 3, JSON);
    assertSame(document, migrated.document());
    assertFalse(migrated.moved());
  }

  @Test
  void aFailureOtherThanATestRefusesTheRecord() {
    MigrationFailed failed = assertThrows(MigrationFailed.class, () -> CHAIN.migrate(object("{\"gold\":1}"), 0, JSON));
    assertEquals(1, failed.step().number(), "step 1 moves /coins, which this record lacks");
    assertEquals(0, failed.operation());
    MigrationChain laterOp = new MigrationChain("S", List.of(step(1, "two-ops",
        "[{\"op\":\"add\",\"path\":\"/a\",\"value\":1},{\"op\":\"remove\",\"path\":\"/missing\"}]")));
    assertEquals(1, assertThrows(MigrationFailed.class, () -> laterOp.migrate(object("{}"), 0, JSON)).operation());
  }

  @Test
  void aStepThatWouldReplaceTheDocumentWithAnArrayFails() {
    MigrationChain chain = new MigrationChain("S", List.of(step(1, "root", "[{\"op\":\"replace\",\"path\":\"\",\"value\":[]}]")));
    assertThrows(MigrationFailed.class, () -> chain.migrate(object("{}"), 0, JSON));
  }

  @Test
  void aRecordAheadOfThisNodesChainIsRefused() {
    RecordAhead ahead = assertThrows(RecordAhead.class, () -> CHAIN.migrate(object("{}"), 4, JSON));
    assertEquals(4, ahead.recordVersion());
    assertEquals(3, ahead.latestKnown());
  }

  @Test
  void stepsMustBeNumberedWithoutGaps() {
    assertThrows(IllegalArgumentException.class, () -> new MigrationChain("S", List.of(step(2, "x", "[]"))));
    assertEquals(0, MigrationChain.none("S").latest());
  }
}
