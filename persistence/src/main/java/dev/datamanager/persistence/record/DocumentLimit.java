package dev.datamanager.persistence.record;

import dev.datamanager.api.error.DocumentTooLargeException;
import java.util.Objects;

/** The largest JSON document a record may hold, in UTF-8 bytes, checked before any database work. */
record DocumentLimit(long maxBytes) {

  static final long DEFAULT_MAX_BYTES = 4_194_304;

  void check(String json) {
    Objects.requireNonNull(json, "data");
    // Counting avoids copying a 4 MB string just to learn its encoded length.
    long size = utf8Length(json);
    if (size > maxBytes) {
      throw new DocumentTooLargeException(size, maxBytes);
    }
  }

  static long utf8Length(CharSequence text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
