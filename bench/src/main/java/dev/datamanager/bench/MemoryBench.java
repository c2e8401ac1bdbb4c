package dev.datamanager.bench;

import dev.datamanager.api.record.RecordKey;
import dev.datamanager.core.json.CompactJson;
import dev.datamanager.core.session.HeldSession;
import dev.datamanager.core.session.JsonDocuments;
import dev.datamanager.core.template.Reconciliation;
import dev.datamanager.core.template.TemplateReconciler;
import jakarta.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Benchmark 7: heap held by sessions of 2 KB documents after GC, each built as a join builds it (parse, reconcile
 * with the template, HeldSession, which holds the document in compact form), and what that document path costs.
 */
final class MemoryBench {

  private static final int DOCUMENT_BYTES = 2048;
  private static final int TARGET_SESSIONS = 100_000;
  private static final int COST_DOCUMENTS = 2_000;
  private static final int COST_ROUNDS = 5;
  private static final double MB = 1024 * 1024;

  private MemoryBench() {}

  static Result run(BenchMode mode) {
    int sessions = mode.heldSessions();
    JsonObject template = Documents.template();
    TemplateReconciler reconciler = new TemplateReconciler();
    long before = usedAfterGc();
    Map<RecordKey, HeldSession> held = new ConcurrentHashMap<>();
    long raw = 0;
    for (int i = 0; i < sessions; i++) {
      String json = Documents.ofSize(DOCUMENT_BYTES, i);
      raw += json.getBytes(StandardCharsets.UTF_8).length;
      Reconciliation joined = reconciler.reconcile(JsonDocuments.parse(json), template);
      held.put(new RecordKey(BenchDatabase.STORE, BenchDatabase.key(i)),
          new HeldSession(joined.document(), 1, 1, joined.filledAny()));
    }
    long after = usedAfterGc();
    Reference.reachabilityFence(held);
    held.clear();
    double[] cost = documentPathCost(template, reconciler);
    // Heap grows linearly with sessions; the short mode builds fewer and scales both sides to 100 000.
    double scale = (double) TARGET_SESSIONS / sessions;
    double heap = (after - before) * scale / MB;
    return new Result("7. Heap for 100,000 held sessions of 2 KB", heap, raw * scale / MB, "MB",
        Target.figureBelow(1024, "MB"), String.format(Locale.ROOT, "MemoryMXBean heap used after"
            + " System.gc(), before and after building a map of sessions as a join builds them (JsonDocuments.parse,"
            + " TemplateReconciler, HeldSession holding the compact document); baseline = the documents' raw UTF-8"
            + " bytes; %.0f bytes of heap per session; %,d sessions built. Document path of a join per 2 KB document"
            + " (best of %d rounds of %,d): parse + reconcile %.1f us, compaction %.1f us (+%.0f%%).",
            (after - before) / (double) sessions, sessions, COST_ROUNDS, COST_DOCUMENTS, cost[0], cost[1],
            100 * cost[1] / cost[0]));
  }

  /**
   * Microseconds per document of parse + reconcile, and of the compaction HeldSession adds, best round each. Each
   * document is parsed and compacted in turn and then dropped, so neither step pays for collecting a large live set
   * the other built.
   */
  private static double[] documentPathCost(JsonObject template, TemplateReconciler reconciler) {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < COST_DOCUMENTS; i++) {
      texts.add(Documents.ofSize(DOCUMENT_BYTES, i));
    }
    double parse = Double.MAX_VALUE;
    double compact = Double.MAX_VALUE;
    long sink = 0;
    for (int round = 0; round < COST_ROUNDS; round++) {
      long parsing = 0;
      long compacting = 0;
      for (String text : texts) {
        long start = System.nanoTime();
        JsonObject document = reconciler.reconcile(JsonDocuments.parse(text), template).document();
        long parsed = System.nanoTime();
        sink += CompactJson.of(document).size();
        compacting += System.nanoTime() - parsed;
        parsing += parsed - start;
      }
      parse = Math.min(parse, parsing / 1e3 / COST_DOCUMENTS);
      compact = Math.min(compact, compacting / 1e3 / COST_DOCUMENTS);
    }
    if (sink == 0) {
      throw new IllegalStateException("nothing compacted");
    }
    return new double[] {parse, compact};
  }

  private static long usedAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
