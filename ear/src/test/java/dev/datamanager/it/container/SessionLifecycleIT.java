package dev.datamanager.it.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.api.error.SessionLeavingException;
import dev.datamanager.api.error.SessionLostException;
import dev.datamanager.api.record.Acquired;
import dev.datamanager.api.record.Committed;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.RecordSnapshot;
import dev.datamanager.api.session.SessionView;
import dev.datamanager.core.config.NodeSettings;
import dev.datamanager.core.patch.PatchFormat;
import dev.datamanager.core.save.SessionExit;
import dev.datamanager.core.join.SessionJoin;
import dev.datamanager.core.session.SessionManager;
import dev.datamanager.it.node.Await;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A session's life inside a real node: RAM-only updates, autosave, leave, a slow save, a stolen lock. */
@ExtendWith({LibertyDatabase.class, ArquillianExtension.class})
class SessionLifecycleIT {

  private static final String STORE = "PlayerData";

  @Deployment
  static EnterpriseArchive deployment() {
    return DeployedEar.withTestClasses(SessionLifecycleIT.class, OtherNode.class, Await.class);
  }

  @Inject SessionJoin joining;
  @Inject SessionManager sessions;
  @Inject SessionExit exit;
  @Inject NodeSettings settings;

  private OtherNode other;
  private RecordKey key;

  @BeforeEach
  void setUp() {
    other = new OtherNode();
    key = new RecordKey(STORE, "Player_" + UUID.randomUUID().toString().substring(0, 8));
  }

  @AfterEach
  void tearDown() {
    other.close();
  }

  @Test
  void updatesReachTheDatabaseAfterOneAutosaveIntervalAndNotBefore() {
    long joined = System.nanoTime();
    joining.join(STORE, key.key());
    sessions.patch(STORE, key.key(), PatchFormat.MERGE_PATCH, json("{\"coins\":5}"));
    assertEquals(0, other.read(key).version(), "an update touches RAM only");
    assertEquals(0, coins(other.read(key)));

    Await.until(Duration.ofSeconds(20), "autosave commits the update", () -> coins(other.read(key)) == 5);
    Duration sinceJoin = Duration.ofNanos(System.nanoTime() - joined);
    assertTrue(sinceJoin.compareTo(settings.autosaveInterval()) >= 0,
        "saved after " + sinceJoin + ", before the interval " + settings.autosaveInterval());
    assertEquals(1, other.read(key).version());
    assertEquals(settings.serverId(), other.read(key).lock().owner(), "the lease stays with this node");
    assertFalse(sessions.get(STORE, key.key()).dirty());
  }

  @Test
  void leaveSavesAndReleasesInOneStep() {
    joining.join(STORE, key.key());
    sessions.patch(STORE, key.key(), PatchFormat.MERGE_PATCH, json("{\"coins\":7}"));
    exit.leave(STORE, key.key());

    RecordSnapshot record = other.read(key);
    assertEquals(7, coins(record));
    assertNull(record.lock(), "released");
    assertEquals(1, record.version());
    assertTrue(sessions.list().stream().noneMatch(s -> s.key().equals(key.key())), "dropped from RAM");
  }

  @Test
  void anUpdateThatLandsDuringASlowSaveIsNotLost() throws Exception {
    joining.join(STORE, key.key());
    sessions.patch(STORE, key.key(), PatchFormat.MERGE_PATCH, json("{\"coins\":1}"));
    CompletableFuture<SessionView> save;
    try (AutoCloseable rowLock = other.holdRowLock(key)) {
      save = CompletableFuture.supplyAsync(() -> exit.saveNow(STORE, key.key()));
      Thread.sleep(500);
      assertFalse(save.isDone(), "the save waits for the row lock");
      long patchStarted = System.nanoTime();
      sessions.patch(STORE, key.key(), PatchFormat.MERGE_PATCH, json("{\"coins\":2}"));
      assertTrue(Duration.ofNanos(System.nanoTime() - patchStarted).toMillis() < 400,
          "an update never waits for a save in progress");
    }
    SessionView afterSlowSave = save.get(30, TimeUnit.SECONDS);
    assertEquals(1, afterSlowSave.version());
    assertTrue(afterSlowSave.dirty(), "the update made during the save is still to be saved");
    assertEquals(1, coins(other.read(key)), "the slow save wrote its snapshot");

    exit.saveNow(STORE, key.key());
    assertEquals(2, coins(other.read(key)));
    assertFalse(sessions.get(STORE, key.key()).dirty());
  }

  @Test
  void aSessionStolenBehindItsBackIsDroppedAtTheNextAutosaveAndItsDataNotWritten() {
    joining.join(STORE, key.key());
    sessions.patch(STORE, key.key(), PatchFormat.MERGE_PATCH, json("{\"coins\":99}"));
    Acquired stolen = other.steal(key);
    assertTrue(stolen.stolen());
    Committed thiefCommit = (Committed) other.repository()
        .commit(key, OtherNode.SERVER_ID, stolen.generation(), 1, "{\"coins\":1234}");

    Await.until(Duration.ofSeconds(20), "autosave notices the lost lock",
        () -> lost(key));
    RecordSnapshot record = other.read(key);
    assertEquals(1234, coins(record), "the stale session's data was never written");
    assertEquals(thiefCommit.version(), record.version());
    assertEquals(OtherNode.SERVER_ID, record.lock().owner());
    assertThrows(SessionLostException.class,
        () -> sessions.patch(STORE, key.key(), PatchFormat.MERGE_PATCH, json("{\"coins\":1}")));
  }

  @Test
  void aLiveOwnerHandsTheRecordOverWithItsUnsavedUpdateWhenAnotherNodeAsks() {
    joining.join(STORE, key.key());
    sessions.patch(STORE, key.key(), PatchFormat.MERGE_PATCH, json("{\"coins\":77}"));
    assertTrue(other.repository().handoffRequests().request(key, OtherNode.SERVER_ID, OtherNode.PROCESS));

    Duration took = Await.until(Duration.ofSeconds(5), "the owner releases for the asking node",
        () -> other.repository().acquire(key, OtherNode.SERVER_ID, OtherNode.PROCESS, Duration.ofMinutes(2),
            Duration.ofMinutes(5), false, "{}")
            instanceof Acquired);
    assertTrue(took.toMillis() < 2_000, "handoff took " + took);
    RecordSnapshot record = other.read(key);
    assertEquals(77, coins(record), "the update made in RAM just before the request travels with the record");
    assertEquals(OtherNode.SERVER_ID, record.lock().owner());
    SessionLostException moved = assertThrows(SessionLostException.class, () -> sessions.get(STORE, key.key()));
    assertEquals(OtherNode.SERVER_ID, moved.newOwner());
  }

  @Test
  void anUpdateArrivingWhileALeaveIsSavingIsRefusedNotAcknowledgedAndLost() throws Exception {
    joining.join(STORE, key.key());
    sessions.patch(STORE, key.key(), PatchFormat.MERGE_PATCH, json("{\"coins\":1}"));
    CompletableFuture<Void> leave;
    try (AutoCloseable rowLock = other.holdRowLock(key)) {
      leave = CompletableFuture.runAsync(() -> exit.leave(STORE, key.key()));
      Await.until(Duration.ofSeconds(5), "the leave took its snapshot", () -> leaving(key));
      // Gate: the leave's transaction waits for the row lock; an update now must not be acknowledged.
      assertThrows(SessionLeavingException.class,
          () -> sessions.patch(STORE, key.key(), PatchFormat.MERGE_PATCH, json("{\"coins\":2}")));
      assertThrows(SessionLeavingException.class, () -> exit.saveNow(STORE, key.key()));
    }
    leave.get(30, TimeUnit.SECONDS);
    assertEquals(1, coins(other.read(key)), "the leave saved what was acknowledged, and only that");
    assertNull(other.read(key).lock());
  }

  @Test
  void twoSavesOfOneSessionReachTheDatabaseOneAtATimeInSnapshotOrder() throws Exception {
    joining.join(STORE, key.key());
    sessions.patch(STORE, key.key(), PatchFormat.MERGE_PATCH, json("{\"coins\":1}"));
    CompletableFuture<SessionView> first;
    CompletableFuture<SessionView> second;
    try (AutoCloseable rowLock = other.holdRowLock(key)) {
      first = CompletableFuture.supplyAsync(() -> exit.saveNow(STORE, key.key()));
      Thread.sleep(300);
      sessions.patch(STORE, key.key(), PatchFormat.MERGE_PATCH, json("{\"coins\":2}"));
      second = CompletableFuture.supplyAsync(() -> exit.saveNow(STORE, key.key()));
      Thread.sleep(300);
      assertFalse(first.isDone() || second.isDone(), "both wait: the first for the row, the second for the first");
    }
    assertEquals(1, first.get(30, TimeUnit.SECONDS).version());
    assertEquals(2, second.get(30, TimeUnit.SECONDS).version());
    assertEquals(2, coins(other.read(key)), "the newer snapshot is the one stored");
    assertFalse(sessions.get(STORE, key.key()).dirty());
  }

  private boolean leaving(RecordKey id) {
    try {
      sessions.patch(id.store(), id.key(), PatchFormat.MERGE_PATCH, json("{}"));
      return false;
    } catch (SessionLeavingException e) {
      return true;
    }
  }

  private boolean lost(RecordKey id) {
    try {
      sessions.get(id.store(), id.key());
      return false;
    } catch (SessionLostException e) {
      return true;
    }
  }

  private static int coins(RecordSnapshot record) {
    return json(record.data()).asJsonObject().getInt("coins");
  }

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }
}
