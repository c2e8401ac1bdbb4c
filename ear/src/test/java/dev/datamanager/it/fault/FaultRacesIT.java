package dev.datamanager.it.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Updates racing the end of a session on two nodes over one PostgreSQL, with no crash: a client appends unique ids
 * as fast as answers come while the session is left, handed off to the other node, or its node stopped with
 * SIGTERM; every id answered 200 must be stored, once. And a join racing an owner whose lease lagged past stale
 * while it still ran must not steal its acknowledged update.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultRacesIT {

  private static final LeaseSettings LEASE = LeaseSettings.LONG;
  private static final int ROUNDS = Integer.getInteger("it.fault.races.rounds", 10);
  private static final int KEYS_PER_STOP = 4;
  // Appends answered just after the race are checked too: a node must refuse them or keep them.
  private static final Duration AFTERWARDS = Duration.ofMillis(100);

  private final long seed = Long.getLong("it.fault.seed", System.nanoTime());
  private final Random random = new Random(seed);
  private Cluster cluster;
  private FaultNode a;
  private FaultNode b;

  @BeforeAll
  void startNodes() {
    cluster = Cluster.onFreshDatabase("fault_races", LEASE, "races-a", "races-b");
    a = cluster.node("races-a");
    b = cluster.node("races-b");
    System.out.printf("Races: %d rounds each, seed %d%n", ROUNDS, seed);
  }

  @AfterAll
  void stopNodes() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void aLeaveRacingUpdatesKeepsEveryAcknowledgedOne() {
    RaceTally tally = new RaceTally("Leave racing updates");
    for (int round = 0; round < ROUNDS; round++) {
      String key = "LeaveRace_" + round;
      assertEquals(200, a.join(key).status(), key);
      List<Operation> log = new ArrayList<>();
      try (PatchStream appender = PatchStream.start(a, key, key + "-", PatchStream.FLAT_OUT)) {
        FrozenOwner.sleep(raceDelay());
        log.add(Operation.send(a, key, "leave", null, -1, () -> a.leave(key)));
        FrozenOwner.sleep(AFTERWARDS);
        appender.close();
        log.addAll(appender.log());
      }
      assertEquals(204, log.get(0).status(), key + " left");
      tally.add(HistoryChecker.check(log, List.of(), Map.of(key, releasedItems(key)), LEASE.unsavedWindow()));
    }
    RaceTally.assertClean(tally);
  }

  @Test
  @Order(2)
  void aHandoffRacingUpdatesCarriesEveryAcknowledgedOne() {
    RaceTally joined = new RaceTally("Handoff racing updates, B's joined data");
    RaceTally stored = new RaceTally("Handoff racing updates, stored after B left");
    for (int round = 0; round < ROUNDS; round++) {
      String key = "HandoffRace_" + round;
      assertEquals(200, a.join(key).status(), key);
      List<Operation> log = new ArrayList<>();
      Answer[] onB = new Answer[1];
      try (PatchStream appender = PatchStream.start(a, key, key + "-", PatchStream.FLAT_OUT)) {
        FrozenOwner.sleep(raceDelay());
        log.add(Operation.send(b, key, "join", null, -1, () -> onB[0] = b.join(key)));
        FrozenOwner.sleep(AFTERWARDS);
        appender.close();
        log.addAll(appender.log());
      }
      assertEquals(200, onB[0].status(), key + " handed off: " + onB[0]);
      assertEquals(b.id(), onB[0].owner(), key);
      // A acknowledges nothing once it has handed the session over, so B must get every id A answered 200.
      joined.add(HistoryChecker.check(log, List.of(), Map.of(key, Teleports.items(onB[0])),
          LEASE.unsavedWindow()));
      assertEquals(204, b.leave(key).status(), key);
      stored.add(HistoryChecker.check(log, List.of(), Map.of(key, releasedItems(key)), LEASE.unsavedWindow()));
    }
    RaceTally.assertClean(joined, stored);
  }

  @Test
  @Order(3)
  void aLeaseThatLaggedIsNotStolenFromItsLiveOwner() {
    LaggingLease.run(a, b, 3);
  }

  /** Comes last: it stops node A, and starts it again only between stops. */
  @Test
  @Order(4)
  void aSigtermRacingUpdatesSavesEveryAcknowledgedOne() {
    RaceTally tally = new RaceTally("SIGTERM racing updates");
    int stops = Math.max(1, ROUNDS / 10);
    for (int stop = 0; stop < stops; stop++) {
      List<String> keys = new ArrayList<>();
      List<PatchStream> appenders = new ArrayList<>();
      for (int k = 0; k < KEYS_PER_STOP; k++) {
        String key = "SigtermRace_" + stop + "_" + k;
        assertEquals(200, a.join(key).status(), key);
        keys.add(key);
        appenders.add(PatchStream.start(a, key, key + "-", PatchStream.FLAT_OUT));
      }
      FrozenOwner.sleep(raceDelay());
      boolean graceful = a.process.stop();
      appenders.forEach(PatchStream::close);
      assertTrue(graceful, () -> "A did not stop on its own after SIGTERM and was killed; its log ends:\n"
          + a.process.logTail());
      for (int k = 0; k < keys.size(); k++) {
        String key = keys.get(k);
        tally.add(HistoryChecker.check(appenders.get(k).log(), List.of(), Map.of(key, releasedItems(key)),
            LEASE.unsavedWindow()));
      }
      if (stop + 1 < stops) {
        a.restart();
      }
    }
    RaceTally.assertClean(tally);
  }

  /** The stored items of a record that must be free now, read on B. */
  private List<String> releasedItems(String key) {
    Answer record = b.record(key);
    assertEquals(200, record.status(), key + ": " + record);
    assertNull(record.owner(), key + " released: " + record);
    return Teleports.items(record);
  }

  /** 50 to 300 ms: a few to a few dozen appends before the race. */
  private Duration raceDelay() {
    return Duration.ofMillis(50 + random.nextInt(251));
  }
}
