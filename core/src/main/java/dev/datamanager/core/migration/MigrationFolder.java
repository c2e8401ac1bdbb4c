package dev.datamanager.core.migration;

import dev.datamanager.core.patch.DocumentPatcher;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The migration chains beside the templates: {@code <templates dir>/<Store>.migrations/NNNN-name.json}, each file a
 * JSON Patch (RFC 6902). Files not ending in {@code .json} are ignored; a {@code .json} file misnamed, not a
 * well-formed JSON Patch, or a chain with a gap is an operator's mistake, reported with the file's name.
 */
public final class MigrationFolder {

  private static final Pattern STEP_FILE = Pattern.compile("(\\d{4})-([A-Za-z0-9_.-]{1,80})\\.json");

  private final Path templates;
  private final JsonProvider json;
  private final Map<String, MigrationChain> chains = new ConcurrentHashMap<>();

  public MigrationFolder(Path templates, JsonProvider json) {
    this.templates = templates;
    this.json = json;
  }

  /**
   * The chain of {@code store} (none when it has no migrations folder), read once and then cached.
   *
   * @throws InvalidMigrations when a step file is misnamed, unreadable or not a JSON Patch, or the numbers have gaps
   */
  public MigrationChain chain(String store) {
    return chains.computeIfAbsent(store, this::read);
  }

  private MigrationChain read(String store) {
    Path folder = templates.resolve(store + ".migrations");
    if (!Files.isDirectory(folder)) {
      return MigrationChain.none(store);
    }
    List<MigrationStep> steps = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
        steps.add(step(file));
      }
    } catch (IOException e) {
      throw new InvalidMigrations("Cannot list " + folder + ": " + e.getMessage());
    }
    steps.sort(Comparator.comparingInt(MigrationStep::number));
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).number() != i + 1) {
        throw new InvalidMigrations("Migration steps in " + folder + " must be numbered 0001, 0002, … without gaps"
            + " or repeats; found " + steps.stream().map(MigrationStep::label).toList());
      }
    }
    return new MigrationChain(store, steps);
  }

  private MigrationStep step(Path file) {
    String fileName = file.getFileName().toString();
    Matcher name = STEP_FILE.matcher(fileName);
    if (!name.matches()) {
      throw new InvalidMigrations("Migration file " + file + " is not named NNNN-name.json (four digits, a dash,"
          + " then letters, digits, '_', '.' or '-')");
    }
    JsonArray operations = operations(file);
    return new MigrationStep(Integer.parseInt(name.group(1)), name.group(2), operations, checksum(operations));
  }

  private JsonArray operations(Path file) {
    JsonValue parsed;
    try (JsonReader reader = json.createReader(new ByteArrayInputStream(Files.readAllBytes(file)))) {
      parsed = reader.readValue();
    } catch (IOException | JsonException e) {
      throw new InvalidMigrations("Migration file " + file + " is not readable JSON: " + e.getMessage());
    }
    if (!(parsed instanceof JsonArray operations)) {
      throw new InvalidMigrations("Migration file " + file + " must hold a JSON Patch: an array of operations");
    }
    for (int i = 0; i < operations.size(); i++) {
      String fault = DocumentPatcher.malformation(operations.get(i));
      if (fault != null) {
        throw new InvalidMigrations("Operation " + i + " of migration file " + file + " " + fault);
      }
    }
    return operations;
  }

  /** SHA-256 of the patch's compact JSON text: a reformatted file keeps its checksum, a changed operation does not. */
  private String checksum(JsonArray operations) {
    StringWriter text = new StringWriter();
    try (JsonWriter writer = json.createWriter(text)) {
      writer.writeArray(operations);
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
