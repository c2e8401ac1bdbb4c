package dev.datamanager.bench;

import dev.datamanager.core.patch.DocumentPatcher;
import dev.datamanager.core.patch.PatchFormat;
import dev.datamanager.core.session.HeldSession;
import dev.datamanager.core.session.SessionTag;
import jakarta.json.JsonObject;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** JMH: one merge-patch update (DocumentPatcher + HeldSession.patch, as a session PATCH) of a held document. */
@State(Scope.Thread)
public class PatchCostBenchmark {

  @Param({"1024", "1048576"})
  public int bytes;

  private final DocumentPatcher patcher = new DocumentPatcher(4L << 20);
  private JsonObject template;
  private HeldSession session;
  private long coins;

  @Setup
  public void load() {
    template = Documents.template();
    session = new HeldSession(Documents.parse(Documents.ofSize(bytes, 1)), 1, 1, false);
  }

  @Benchmark
  public SessionTag update() {
    JsonObject patch = Documents.coins(++coins);
    return session.patch(current -> patcher.apply(current, template, PatchFormat.MERGE_PATCH, patch), null);
  }
}
