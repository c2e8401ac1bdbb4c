package dev.datamanager.core.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a store's chain from {@code <Store>.migrations/} beside the templates. */
class MigrationFolderTest {

  @TempDir Path templates;

  private Path migrations(String store) throws IOException {
    return Files.createDirectories(templates.resolve(store + ".migrations"));
  }

  private MigrationFolder folder() {
    return new MigrationFolder(templates, JsonProvider.provider());
  }

  @Test
  void stepsAreReadInTheOrderOfTheirNumbers() throws IOException {
    Path dir = migrations("PlayerData");
    Files.writeString(dir.resolve("0002-add-level.json"), "[{\"op\":\"add\",\"path\":\"/level\",\"value\":1}]");
    Files.writeString(dir.resolve("0001-rename-coins.json"), "[{\"op\":\"move\",\"from\":\"/coins\",\"path\":\"/gold\"}]");
    Files.writeString(dir.resolve("README.md"), "notes for the team, not a step");
    MigrationChain chain = folder().chain("PlayerData");
    assertEquals(List.of("0001-rename-coins", "0002-add-level"), chain.steps().stream().map(MigrationStep::label).toList());
    assertEquals(2, chain.latest());
  }

  @Test
  void aStoreWithoutAFolderHasNoSteps() {
    assertEquals(0, folder().chain("Inventory").latest());
  }

  @Test
  void theChecksumIgnoresFormattingButNotContent() throws IOException {
    Path dir = migrations("A");
    Files.writeString(dir.resolve("0001-x.json"), "[{\"op\":\"add\",\"path\":\"/a\",\"value\":1}]");
    Path other = migrations("B");
    Files.writeString(other.resolve("0001-x.json"), "[\n  { \"op\": \"add\", \"path\": \"/a\", \"value\": 1 }\n]\n");
    Path changed = migrations("C");
    Files.writeString(changed.resolve("0001-x.json"), "[{\"op\":\"add\",\"path\":\"/a\",\"value\":2}]");
    MigrationFolder folder = folder();
    String a = folder.chain("A").steps().get(0).checksum();
    assertEquals(a, folder.chain("B").steps().get(0).checksum());
    assertNotEquals(a, folder.chain("C").steps().get(0).checksum());
    assertEquals(64, a.length());
  }

  @Test
  void operatorMistakesAreReportedWithTheFile() throws IOException {
    Path dir = migrations("Misnamed");
    Files.writeString(dir.resolve("1-rename.json"), "[]");
    assertTrue(assertThrows(InvalidMigrations.class, () -> folder().chain("Misnamed")).getMessage().contains("1-rename.json"));

    Path gap = migrations("Gap");
    Files.writeString(gap.resolve("0001-a.json"), "[]");
    Files.writeString(gap.resolve("0003-c.json"), "[]");
    assertThrows(InvalidMigrations.class, () -> folder().chain("Gap"));

    Path repeat = migrations("Repeat");
    Files.writeString(repeat.resolve("0001-a.json"), "[]");
    Files.writeString(repeat.resolve("0001-b.json"), "[]");
    assertThrows(InvalidMigrations.class, () -> folder().chain("Repeat"));

    Path object = migrations("Object");
    Files.writeString(object.resolve("0001-a.json"), "{\"op\":\"add\"}");
    assertTrue(assertThrows(InvalidMigrations.class, () -> folder().chain("Object")).getMessage().contains("array"));

    Path malformed = migrations("Malformed");
    Files.writeString(malformed.resolve("0001-a.json"), "[{\"op\":\"move\",\"path\":\"/a\"}]");
    assertTrue(assertThrows(InvalidMigrations.class, () -> folder().chain("Malformed")).getMessage().contains("from"));

    Path broken = migrations("Broken");
    Files.writeString(broken.resolve("0001-a.json"), "[{\"op\":");
    assertThrows(InvalidMigrations.class, () -> folder().chain("Broken"));
  }
}
