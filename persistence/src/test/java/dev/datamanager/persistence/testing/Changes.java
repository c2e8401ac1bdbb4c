package dev.datamanager.persistence.testing;

import java.util.concurrent.atomic.AtomicLong;

/** Change numbers for test writes: each call is newer than every earlier one, as a session's changes are. */
public final class Changes {

  /** The process incarnation every test node uses; nodes differ by server id. */
  public static final String PROCESS = "test-process";

  private static final AtomicLong LAST = new AtomicLong();

  private Changes() {}

  public static long next() {
    return LAST.incrementAndGet();
  }
}
