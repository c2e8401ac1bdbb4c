package dev.datamanager.bench;

import dev.datamanager.api.record.RecordKey;
import dev.datamanager.core.session.HeldSession;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Benchmark 7: heap held by sessions of 2 KB documents (HeldSession + parsed JsonObject), after GC. */
final class MemoryBench {

  private static final int DOCUMENT_BYTES = 2048;
  private static final int TARGET_SESSIONS = 100_000;
  private static final double MB = 1024 * 1024;

  private MemoryBench() {}

  static Result run(BenchMode mode) {
    int sessions = mode.heldSessions();
    long before = usedAfterGc();
    Map<RecordKey, HeldSession> held = new ConcurrentHashMap<>();
    long raw = 0;
    for (int i = 0; i < sessions; i++) {
      String json = Documents.ofSize(DOCUMENT_BYTES, i);
      raw += json.getBytes(StandardCharsets.UTF_8).length;
      held.put(new RecordKey(BenchDatabase.STORE, BenchDatabase.key(i)),
          new HeldSession(Documents.parse(json), 1, 1, false));
    }
    long after = usedAfterGc();
    Reference.reachabilityFence(held);
    // Heap grows linearly with sessions; the short mode builds fewer and scales both sides to 100 000.
    double scale = (double) TARGET_SESSIONS / sessions;
    double heap = (after - before) * scale / MB;
    return new Result("7. Heap for 100,000 held sessions of 2 KB", heap, raw * scale / MB, "MB",
        Target.figureBelow(1024, "MB"), String.format(Locale.ROOT, "MemoryMXBean heap used after"
            + " System.gc(), before and after building a map of HeldSession + parsed Parsson JsonObject per key;"
            + " baseline = the documents' raw UTF-8 bytes; %.0f bytes of heap per session; %,d sessions built.",
            (after - before) / (double) sessions, sessions));
  }

  private static long usedAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
