package dev.datamanager.core.template;

import dev.datamanager.api.error.UnknownStoreException;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The folder of store templates, one {@code <Store>.json} per store, each parsed once and then cached. */
public class TemplateFolder {

  /** Store names as DESIGN.md allows them; also keeps a name from reaching outside the folder. */
  private static final Pattern STORE_NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,50}");

  private final Path directory;
  private final JsonProvider json;
  private final Map<String, JsonObject> templates = new ConcurrentHashMap<>();

  public TemplateFolder(Path directory, JsonProvider json) {
    this.directory = directory;
    this.json = json;
  }

  public Path directory() {
    return directory;
  }

  /**
   * The default template of {@code store}. Only found templates are cached, so a template added while the node
   * runs creates its store; a template changed on disk is picked up after a restart.
   *
   * @throws UnknownStoreException when the name is not a valid store name or the folder has no such file
   * @throws IllegalStateException when the file exists but is not a JSON object, an operator's mistake
   */
  public JsonObject template(String store) {
    // Only valid names are ever cached, so a name found here needs no check: every update asks for its template.
    JsonObject cached = store == null ? null : templates.get(store);
    if (cached != null) {
      return cached;
    }
    if (store == null || !STORE_NAME.matcher(store).matches()) {
      throw new UnknownStoreException(String.valueOf(store));
    }
    return templates.computeIfAbsent(store, this::load);
  }

  private JsonObject load(String store) {
    Path file = fileOf(store);
    if (file == null || !Files.isRegularFile(file)) {
      throw new UnknownStoreException(store);
    }
    JsonValue parsed;
    try (InputStream in = Files.newInputStream(file);
        JsonReader reader = json.createReader(in)) {
      parsed = reader.readValue();
    } catch (IOException | JsonException e) {
      throw new IllegalStateException("Cannot read the template of store " + store + " from " + file
          + ": " + e.getMessage() + ". Fix the file so that it holds one JSON object.", e);
    }
    if (!(parsed instanceof JsonObject template)) {
      throw new IllegalStateException("The template of store " + store + " in " + file + " is a JSON "
          + JsonType.of(parsed).label() + "; a store's template must be a JSON object.");
    }
    return template;
  }

  /** The names of the stores whose templates are in the folder now (none when it is missing). */
  public List<String> stores() {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(".json"))
          .map(name -> name.substring(0, name.length() - ".json".length()))
          .filter(name -> STORE_NAME.matcher(name).matches())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot list the templates folder " + directory + ": " + e.getMessage(), e);
    }
  }

  private Path fileOf(String store) {
    try {
      return directory.resolve(store + ".json");
    } catch (InvalidPathException e) {
      // ':' is a valid store name character but not a valid file name character on every file system.
      return null;
    }
  }
}
