package dev.datamanager.core.template;

import static dev.datamanager.core.JsonText.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.api.error.UnknownStoreException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateFolderTest {

  @TempDir Path dir;

  private TemplateFolder folder() {
    return new TemplateFolder(dir, JsonProvider.provider());
  }

  @Test
  void aStoreIsItsTemplateFileAndIsParsedOnce() throws IOException {
    Files.writeString(dir.resolve("PlayerData.json"), "{\"coins\": 0, \"bag\": {\"slots\": 4}}");
    TemplateFolder folder = folder();

    JsonObject first = folder.template("PlayerData");
    Files.delete(dir.resolve("PlayerData.json"));

    assertEquals(object("{'coins':0,'bag':{'slots':4}}"), first);
    assertSame(first, folder.template("PlayerData"), "served from the cache, not the (now deleted) file");
  }

  @Test
  void unknownStoreTellsTheDeveloperWhichFileToAdd() {
    UnknownStoreException e = assertThrows(UnknownStoreException.class, () -> folder().template("Guilds"));

    assertEquals("Guilds", e.store());
    assertTrue(e.getMessage().contains("Guilds.json"), e.getMessage());
    assertTrue(e.getMessage().contains("datamanager.templates.dir"), e.getMessage());
  }

  @Test
  void aTemplateAddedLaterCreatesTheStore() throws IOException {
    TemplateFolder folder = folder();
    assertThrows(UnknownStoreException.class, () -> folder.template("Pets"));

    Files.writeString(dir.resolve("Pets.json"), "{\"name\": \"\"}");

    assertEquals(object("{'name':''}"), folder.template("Pets"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "../secret", "a/b", "has space", "ünïcode",
      "a123456789b123456789c123456789d123456789e123456789f"})
  void namesOutsideTheAllowedAlphabetOrLengthAreUnknown(String name) throws IOException {
    Files.writeString(dir.resolve("secret.json"), "{}");

    assertThrows(UnknownStoreException.class, () -> folder().template(name));
  }

  @Test
  void fiftyCharactersOfEveryAllowedKindIsAValidName() throws IOException {
    String name = "Aa0_-.:" + "x".repeat(43);
    Files.writeString(dir.resolve(name + ".json"), "{\"ok\": true}");

    assertEquals(JsonValue.TRUE, folder().template(name).get("ok"));
  }

  @Test
  void aTemplateThatIsNotAnObjectIsAnOperatorErrorAndIsNotCached() throws IOException {
    Files.writeString(dir.resolve("Broken.json"), "[1, 2]");
    TemplateFolder folder = folder();

    IllegalStateException notObject = assertThrows(IllegalStateException.class, () -> folder.template("Broken"));
    assertTrue(notObject.getMessage().contains("is a JSON array"), notObject.getMessage());

    Files.writeString(dir.resolve("Broken.json"), "{\"coins\": ");
    assertThrows(IllegalStateException.class, () -> folder.template("Broken"));

    Files.writeString(dir.resolve("Broken.json"), "{\"coins\": 1}");
    assertEquals(1, folder.template("Broken").getInt("coins"));
  }

  @Test
  void shippedPlayerDataTemplateHasTheMembersTheHttpTestsPatch() {
    // Surefire runs in the module folder, so the Liberty config folder is one level up.
    TemplateFolder shipped = new TemplateFolder(Path.of("../liberty-config/templates"), JsonProvider.provider());

    JsonObject template = shipped.template("PlayerData");

    assertEquals(JsonValue.ValueType.ARRAY, template.get("items").getValueType());
    assertEquals(JsonValue.ValueType.ARRAY, template.getJsonObject("inventory").get("items").getValueType());
    assertEquals(0, template.getInt("coins"));
    assertEquals(JsonValue.ValueType.OBJECT, template.get("settings").getValueType());
  }

  @Test
  void templatesDirectoryPrefersConfigThenServerConfigDir() {
    assertEquals(Path.of("/etc/dm"), TemplateCatalog.templatesDirectory(Optional.of("/etc/dm"), "/srv/cfg"));
    assertEquals(Path.of("/srv/cfg", "templates"), TemplateCatalog.templatesDirectory(Optional.of(" "), "/srv/cfg"));
    assertEquals(Path.of("/srv/cfg", "templates"), TemplateCatalog.templatesDirectory(Optional.empty(), "/srv/cfg"));
    assertEquals(Path.of("templates"), TemplateCatalog.templatesDirectory(Optional.empty(), null));
  }
}
