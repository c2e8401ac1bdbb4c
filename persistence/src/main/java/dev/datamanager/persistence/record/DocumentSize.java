package dev.datamanager.persistence.record;

import java.io.Writer;

/**
 * The one measure of a document's size: its length in UTF-8 bytes, a lone surrogate counted as the three bytes of
 * its replacement, used both where a patch is judged and where a write is checked.
 */
public final class DocumentSize extends Writer {

  private long bytes;
  private char pendingHigh;

  /** The UTF-8 length of {@code text}. */
  public static long utf8Length(CharSequence text) {
    DocumentSize size = new DocumentSize();
    for (int i = 0; i < text.length(); i++) {
      size.add(text.charAt(i));
    }
    return size.bytes();
  }

  /** The bytes counted so far; a high surrogate still waiting for its pair counts as lone. */
  public long bytes() {
    return bytes + (pendingHigh != 0 ? 3 : 0);
  }

  @Override
  public void write(char[] chars, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      add(chars[i]);
    }
  }

  @Override
  public void write(String text, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      add(text.charAt(i));
    }
  }

  @Override
  public void write(int c) {
    add((char) c);
  }

  // Stateful across writes, since a writer may split a surrogate pair between two calls.
  private void add(char c) {
    if (pendingHigh != 0) {
      pendingHigh = 0;
      if (Character.isLowSurrogate(c)) {
        bytes += 4;
        return;
      }
      bytes += 3;
    }
    if (c < 0x80) {
      bytes += 1;
    } else if (c < 0x800) {
      bytes += 2;
    } else if (Character.isHighSurrogate(c)) {
      pendingHigh = c;
    } else {
      bytes += 3;
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
