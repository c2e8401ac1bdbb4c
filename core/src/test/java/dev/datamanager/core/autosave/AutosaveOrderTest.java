package dev.datamanager.core.autosave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.core.session.HeldSession;
import dev.datamanager.core.session.SessionLease;
import jakarta.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The autosave pass picks due sessions oldest first while commits confirm sessions on other threads: the pick never
 * fails (a sort on values that move under it throws "Comparison method violates its general contract", and then
 * no session is saved or renewed at all) and comes out in order.
 */
class AutosaveOrderTest {

  private static final int SESSIONS = 2000;

  @Test
  void theDuePickSurvivesSessionsConfirmedWhileItSorts() throws InterruptedException {
    List<Map.Entry<String, HeldSession>> sessions = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < SESSIONS; i++) {
      // Confirmed microseconds apart, as sessions saved by one batch are.
      SessionLease lease = new SessionLease(Instant.now(), start - 10_000_000_000L + i * 1_000L);
      sessions.add(Map.entry("k" + i, new HeldSession(Json.createObjectBuilder().build(), 0, 1, true, lease)));
    }
    AtomicBoolean running = new AtomicBoolean(true);
    Thread commits = new Thread(() -> {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      while (running.get()) {
        HeldSession session = sessions.get(random.nextInt(SESSIONS)).getValue();
        session.lease().confirm(Instant.now(), System.nanoTime() - 10_000_000_000L + random.nextInt(1_000_000));
      }
    });
    commits.start();
    try {
      for (int pass = 0; pass < 300; pass++) {
        List<Map.Entry<String, HeldSession>> due = AutosavePass.oldestFirst(sessions, System.nanoTime(), 500);
        assertEquals(500, due.size());
      }
    } finally {
      running.set(false);
      commits.join();
    }
    List<Map.Entry<String, HeldSession>> quiet = AutosavePass.oldestFirst(sessions, System.nanoTime(), SESSIONS);
    for (int i = 1; i < quiet.size(); i++) {
      assertTrue(quiet.get(i - 1).getValue().lease().confirmedNanos()
          <= quiet.get(i).getValue().lease().confirmedNanos(), "oldest first at " + i);
    }
  }
}
