package dev.datamanager.core.patch;

import java.io.OutputStream;

/** An output stream that only counts, so a document's serialized size is known without building it in memory. */
final class ByteCounter extends OutputStream {

  private long count;

  @Override
  public void write(int b) {
    count++;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    count += length;
  }

  long count() {
    return count;
  }
}
