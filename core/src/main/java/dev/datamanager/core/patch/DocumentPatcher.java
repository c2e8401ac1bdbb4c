package dev.datamanager.core.patch;

import dev.datamanager.api.error.DocumentTooLargeException;
import dev.datamanager.api.error.InvalidPatchException;
import dev.datamanager.core.template.JsonType;
import dev.datamanager.core.template.MemberPath;
import dev.datamanager.persistence.record.DocumentSize;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.spi.JsonProvider;
import java.util.Map;
import java.util.Set;

/** Applies a merge patch or a JSON Patch to a document and accepts the result only if it still fits its store. */
public class DocumentPatcher {

  private static final Set<String> OPS = Set.of("add", "remove", "replace", "move", "copy", "test");
  private static final Set<String> OPS_WITH_FROM = Set.of("move", "copy");
  private static final Set<String> OPS_WITH_VALUE = Set.of("add", "replace", "test");

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
    return apply(SizedDocument.uncounted(document), template, format, patch).json();
  }

  /**
   * Like {@link #apply(JsonObject, JsonObject, PatchFormat, JsonValue)}, for a document whose size may be known:
   * the new size is then the old one plus what the patch changed, found without counting the whole document.
   */
  public SizedDocument apply(SizedDocument current, JsonObject template, PatchFormat format, JsonValue patch) {
    JsonObject document = current.json();
    JsonValue result = switch (format) {
      case MERGE_PATCH -> json.createMergePatch(patch).apply(document);
      case JSON_PATCH -> applyJsonPatch(document, patch);
    };
    if (!(result instanceof JsonObject patched)) {
      throw new InvalidPatchException(MemberPath.ROOT, "The patch would turn the document into a JSON "
          + JsonType.of(result).label() + "; a record is always a JSON object. Patch its members instead.");
    }
    TemplateTypeGuard.check(document, patched, template);
    long size = current.counted()
        ? current.bytes() + SizeChange.between(document, patched, touchedBy(format, patch))
        : JsonSize.of(patched);
    if (size > maxBytes) {
      throw new DocumentTooLargeException(size, maxBytes);
    }
    return new SizedDocument(patched, size);
  }

  private static Touched touchedBy(PatchFormat format, JsonValue patch) {
    return format == PatchFormat.MERGE_PATCH ? Touched.byMergePatch(patch) : Touched.byJsonPatch((JsonArray) patch);
  }

  /** Throws {@link DocumentTooLargeException} if {@code document} is larger than the limit. */
  public void requireFits(JsonObject document) {
    long size = serializedSize(document);
    if (size > maxBytes) {
      throw new DocumentTooLargeException(size, maxBytes);
    }
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
    for (int i = 0; i < operations.size(); i++) {
      String fault = malformation(operations.get(i));
      if (fault != null) {
        throw new InvalidPatchException("Operation " + i + " of the JSON Patch " + fault + ". Each operation is an"
            + " object such as {\"op\":\"move\",\"from\":\"/a\",\"path\":\"/b\"} (RFC 6902).");
      }
    }
    try {
      return json.createPatch(operations).apply(document);
    } catch (JsonException e) {
      // A failed test, a missing path or a malformed operation: the caller's patch is at fault, not the node.
      throw new InvalidPatchException("The JSON Patch cannot be applied: " + e.getMessage()
          + ". Check each operation's op, path (an RFC 6901 pointer to an existing member) and value.", e);
    }
  }

  /**
   * What is wrong with the shape of one operation, or null. Checked before JSON-P sees the patch: JSON-P reports
   * some malformed operations (a null path, a move without from) with NullPointerException or ClassCastException.
   */
  public static String malformation(JsonValue operation) {
    if (!(operation instanceof JsonObject fields)) {
      return "is a JSON " + JsonType.of(operation).label() + ", not an object";
    }
    if (!(fields.get("op") instanceof JsonString op) || !OPS.contains(op.getString())) {
      return "has no \"op\" among add, remove, replace, move, copy and test";
    }
    String name = op.getString();
    if (!(fields.get("path") instanceof JsonString)) {
      return "(" + name + ") has no \"path\" string, the JSON Pointer (RFC 6901) of its target";
    }
    if (OPS_WITH_FROM.contains(name) && !(fields.get("from") instanceof JsonString)) {
      return "(" + name + ") has no \"from\" string, the JSON Pointer of the value to " + name;
    }
    if (OPS_WITH_VALUE.contains(name) && !fields.containsKey("value")) {
      return "(" + name + ") has no \"value\"";
    }
    return null;
  }
}
