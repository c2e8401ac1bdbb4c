package dev.datamanager.core.patch;

import dev.datamanager.api.error.DocumentTooLargeException;
import dev.datamanager.api.error.InvalidPatchException;
import dev.datamanager.core.template.JsonType;
import dev.datamanager.core.template.MemberPath;
import dev.datamanager.persistence.record.DocumentSize;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.spi.JsonProvider;
import java.util.Map;

/** Applies a merge patch or a JSON Patch to a document and accepts the result only if it still fits its store. */
public class DocumentPatcher {

  private final JsonProvider json;
  private final JsonWriterFactory writers;
  private final long maxBytes;

  /** A patcher that refuses documents above {@code maxBytes} of UTF-8 JSON ({@code datamanager.document.max-bytes}). */
  public DocumentPatcher(long maxBytes) {
    this(JsonProvider.provider(), maxBytes);
  }

  public DocumentPatcher(JsonProvider json, long maxBytes) {
    // One provider and one writer factory: looking the provider up per call costs a ServiceLoader scan.
    this.json = json;
    this.writers = json.createWriterFactory(Map.of());
    this.maxBytes = maxBytes;
  }

  /**
   * The patched document. {@code document} itself is never changed (JSON-P values are immutable), so on any
   * exception the caller simply keeps it.
   *
   * @throws InvalidPatchException if the patch cannot be applied, the result is not an object, or the result
   *     removes a template member or changes its JSON type
   * @throws DocumentTooLargeException if the result is larger than the limit
   */
  public JsonObject apply(JsonObject document, JsonObject template, PatchFormat format, JsonValue patch) {
    JsonValue result = switch (format) {
      case MERGE_PATCH -> json.createMergePatch(patch).apply(document);
      case JSON_PATCH -> applyJsonPatch(document, patch);
    };
    if (!(result instanceof JsonObject patched)) {
      throw new InvalidPatchException(MemberPath.ROOT, "The patch would turn the document into a JSON "
          + JsonType.of(result).label() + "; a record is always a JSON object. Patch its members instead.");
    }
    TemplateTypeGuard.check(document, patched, template);
    long size = serializedSize(patched);
    if (size > maxBytes) {
      throw new DocumentTooLargeException(size, maxBytes);
    }
    return patched;
  }

  /**
   * The size of {@code document} as compact UTF-8 JSON by the one size rule every write is checked with, counted
   * while writing so no copy is held in memory.
   */
  public long serializedSize(JsonObject document) {
    DocumentSize size = new DocumentSize();
    try (JsonWriter writer = writers.createWriter(size)) {
      writer.writeObject(document);
    }
    return size.bytes();
  }

  private JsonValue applyJsonPatch(JsonObject document, JsonValue patch) {
    if (!(patch instanceof JsonArray operations)) {
      throw new InvalidPatchException(MemberPath.ROOT, "A JSON Patch (application/json-patch+json) is an array of"
          + " operations such as [{\"op\":\"add\",\"path\":\"/items/-\",\"value\":1}]; this body is a JSON "
          + JsonType.of(patch).label() + ".");
    }
    try {
      return json.createPatch(operations).apply(document);
    } catch (JsonException e) {
      // A failed test, a missing path or a malformed operation: the caller's patch is at fault, not the node.
      throw new InvalidPatchException("The JSON Patch cannot be applied: " + e.getMessage()
          + ". Check each operation's op, path (an RFC 6901 pointer to an existing member) and value.", e);
    }
  }
}
