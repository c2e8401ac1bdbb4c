package dev.datamanager.persistence.record;

import static dev.datamanager.persistence.testing.Changes.PROCESS;
import static dev.datamanager.persistence.testing.Changes.next;

import dev.datamanager.api.record.AcquireOutcome;
import dev.datamanager.api.record.Acquired;
import dev.datamanager.api.record.CommitOutcome;
import dev.datamanager.api.record.CommitRequest;
import dev.datamanager.api.record.Committed;
import dev.datamanager.api.record.LeaseClaim;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.ReleaseOutcome;
import dev.datamanager.api.record.Released;
import dev.datamanager.persistence.record.TortureLog.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** One torture thread: a node's sessions on random keys, doing random joins, saves, renewals and leaves. */
final class TortureWorker {

  static final Duration RECENT = Duration.ofMillis(40);
  static final Duration STALE = Duration.ofMillis(120);
  /** One step in this many pauses the thread past {@link #STALE}. */
  static final int PAUSE_ONE_IN = 1_000;

  private final RecordRepository node;
  private final String server;
  private final List<RecordKey> keys;
  private final TortureLog log;
  private final Random random;
  private final int thread;
  private final Map<RecordKey, Long> sessions = new HashMap<>();
  private long writes;

  TortureWorker(RecordRepository node, String server, List<RecordKey> keys, TortureLog log, int thread) {
    this.node = node;
    this.server = server;
    this.keys = keys;
    this.log = log;
    this.random = new Random(thread);
    this.thread = thread;
  }

  void runUntil(long deadlineNanos) {
    while (System.nanoTime() < deadlineNanos) {
      if (random.nextInt(PAUSE_ONE_IN) == 0) {
        pause();
      }
      log.attempt();
      RecordKey key = keys.get(random.nextInt(keys.size()));
      Long generation = sessions.get(key);
      int dice = random.nextInt(10);
      if (generation == null) {
        join(key);
      } else if (dice < 5) {
        commit(List.of(new CommitRequest(key, server, generation, next(), nextData())));
      } else if (dice < 6) {
        commit(sessions.entrySet().stream()
            .map(s -> new CommitRequest(s.getKey(), server, s.getValue(), next(), nextData())).toList());
      } else if (dice < 8) {
        renew();
      } else {
        leave(key, generation);
      }
    }
  }

  private void join(RecordKey key) {
    AcquireOutcome outcome = node.acquire(key, server, PROCESS, RECENT, STALE, true, "{}");
    if (outcome instanceof Acquired acquired) {
      sessions.put(key, acquired.generation());
      log.acquired(server, acquired);
    } else {
      log.refused();
    }
  }

  private void commit(List<CommitRequest> requests) {
    List<CommitOutcome> outcomes = node.commitBatch(requests);
    for (int i = 0; i < requests.size(); i++) {
      CommitRequest request = requests.get(i);
      if (outcomes.get(i) instanceof Committed committed) {
        log.wrote(Event.Kind.COMMITTED, request.key(), server, request.generation(), committed.version(),
            request.data());
      } else {
        dropLost(request.key());
      }
    }
  }

  private void renew() {
    List<LeaseClaim> claims = new ArrayList<>();
    sessions.forEach((key, generation) -> claims.add(new LeaseClaim(key, generation)));
    node.renew(server, claims).lost().forEach(this::dropLost);
  }

  private void leave(RecordKey key, long generation) {
    String data = nextData();
    ReleaseOutcome outcome = node.release(key, server, generation, next(), data);
    if (outcome instanceof Released released) {
      sessions.remove(key);
      log.wrote(Event.Kind.RELEASED, key, server, generation, released.version(), data);
    } else {
      dropLost(key);
    }
  }

  /**
   * A node that stops for a while (a long GC, SIGSTOP): its leases turn stale, other nodes steal them, and its writes
   * afterwards must be fenced. Without it a fast database renews every lease in time and nothing is ever stolen.
   */
  private void pause() {
    try {
      Thread.sleep(STALE.toMillis() * 3 / 2);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void dropLost(RecordKey key) {
    sessions.remove(key);
    log.lockLost();
  }

  private String nextData() {
    return "{\"thread\":" + thread + ",\"write\":" + (++writes) + "}";
  }
}
