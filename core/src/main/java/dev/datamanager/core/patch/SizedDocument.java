package dev.datamanager.core.patch;

import jakarta.json.JsonObject;
import java.util.Objects;

/**
 * A document with its size as compact UTF-8 JSON ({@link DocumentPatcher#serializedSize}), or {@link #UNKNOWN} when
 * it has not been counted: a patch then finds the new size from the old one and what it changed.
 */
public record SizedDocument(JsonObject json, long bytes) {

  /** The size of a document nobody counted yet. */
  public static final long UNKNOWN = -1;

  public SizedDocument {
    Objects.requireNonNull(json, "json");
  }

  /** A document whose size is not known yet. */
  public static SizedDocument uncounted(JsonObject json) {
    return new SizedDocument(json, UNKNOWN);
  }

  public boolean counted() {
    return bytes != UNKNOWN;
  }
}
