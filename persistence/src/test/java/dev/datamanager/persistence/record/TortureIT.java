package dev.datamanager.persistence.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.api.record.Acquired;
import dev.datamanager.api.record.Committed;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.RecordSnapshot;
import dev.datamanager.persistence.record.TortureLog.Event;
import dev.datamanager.persistence.testing.OnBothDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * 8 threads acting as 3 nodes acquire, commit, renew and release 100 keys for a bounded time with
 * short leases (so steals are frequent); every accepted operation is logged and then checked.
 */
class TortureIT extends OnBothDatabases {

  static final int THREADS = 8;
  static final int NODES = 3;
  static final int KEYS = 100;
  static final long MILLIS = Long.getLong("torture.millis", 15_000);

  @Test
  void everyAcceptedWriteIsFencedAndNoneIsLost() throws Exception {
    List<RecordKey> keys = new ArrayList<>();
    for (int i = 0; i < KEYS; i++) {
      keys.add(new RecordKey("Torture", "key-" + i));
    }
    List<RecordRepository> nodes = new ArrayList<>();
    for (int n = 0; n < NODES; n++) {
      nodes.add(db.repository("node-" + n));
    }
    TortureLog log = new TortureLog();
    long deadline = System.nanoTime() + MILLIS * 1_000_000;
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> workers = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < THREADS; t++) {
      TortureWorker worker = new TortureWorker(nodes.get(t % NODES), "node-" + (t % NODES), keys, log, t);
      workers.add(threads.submit(() -> worker.runUntil(deadline)));
    }
    for (Future<?> worker : workers) {
      worker.get();
    }
    threads.shutdown();
    long elapsed = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("[%s] torture: %d operations (%d accepted: %d acquires of which %d steals,"
            + " %d commits, %d releases; %d refused, %d lock-lost) in %d ms = %.0f ops/s%n",
        kind, log.attempted(), log.events().size(), log.count(Event.Kind.ACQUIRED), log.steals(),
        log.count(Event.Kind.COMMITTED), log.count(Event.Kind.RELEASED), log.refusals(), log.lockLosses(),
        elapsed, log.attempted() * 1000.0 / elapsed);
    assertTrue(log.steals() > 0, "the torture should steal stale leases");
    Map<RecordKey, List<Event>> byKey = log.events().stream().collect(Collectors.groupingBy(Event::key));
    for (RecordKey key : keys) {
      checkKey(key, byKey.getOrDefault(key, List.of()), nodes.get(0).read(key).orElse(null));
    }
  }

  private static void checkKey(RecordKey key, List<Event> events, RecordSnapshot stored) {
    Map<Long, Event> acquisitions = new java.util.HashMap<>();
    for (Event e : events) {
      if (e.kind() == Event.Kind.ACQUIRED && acquisitions.put(e.generation(), e) != null) {
        throw new AssertionError(key + ": generation " + e.generation() + " acquired twice");
      }
    }
    List<Event> writes = events.stream().filter(Event::isWrite)
        .sorted(java.util.Comparator.comparingLong(Event::version)).toList();
    Map<Long, String> dataByVersion = new java.util.HashMap<>(Map.of(0L, "{}"));
    long lastGeneration = 0;
    for (int i = 0; i < writes.size(); i++) {
      Event write = writes.get(i);
      assertEquals(i + 1, write.version(), key + ": versions must run 1, 2, 3… without gaps or repeats");
      Event owner = acquisitions.get(write.generation());
      assertTrue(owner != null && owner.server().equals(write.server()),
          key + ": write " + write + " did not come from the owner of its generation " + owner);
      assertTrue(write.generation() >= lastGeneration, key + ": an older generation wrote after a newer one");
      lastGeneration = write.generation();
      dataByVersion.put(write.version(), write.data());
    }
    for (Event acquired : acquisitions.values()) {
      assertEquals(dataByVersion.get(acquired.version()), acquired.data(),
          key + ": an acquire saw data no accepted commit wrote");
    }
    if (stored == null) {
      assertTrue(events.isEmpty(), key + ": events but no record");
      return;
    }
    assertEquals(writes.size(), stored.version(), key + ": stored version counts the accepted writes");
    assertEquals(dataByVersion.get(stored.version()), stored.data(), key + ": final data is the last accepted write");
    assertEquals(acquisitions.size(), stored.generation(), key + ": one generation per accepted acquire");
  }
}
