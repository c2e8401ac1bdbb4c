package dev.datamanager.persistence.record;

import dev.datamanager.api.error.DocumentTooLargeException;
import java.util.Objects;

/** The largest JSON document a record may hold, in UTF-8 bytes as {@link DocumentSize} counts them. */
record DocumentLimit(long maxBytes) {

  static final long DEFAULT_MAX_BYTES = 4_194_304;

  void check(String json) {
    long size = size(json);
    if (size > maxBytes) {
      throw new DocumentTooLargeException(size, maxBytes);
    }
  }

  long size(String json) {
    return DocumentSize.utf8Length(Objects.requireNonNull(json, "data"));
  }

  boolean fits(long size) {
    return size <= maxBytes;
  }
}
