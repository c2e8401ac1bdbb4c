package dev.datamanager.core.session;

import static dev.datamanager.core.JsonText.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.datamanager.api.error.SessionLostException;
import dev.datamanager.api.error.SessionNotHeldException;
import dev.datamanager.api.error.ShuttingDownException;
import dev.datamanager.api.record.RecordKey;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The registry's promises: closed for good once the flush begins, and a bounded memory of lost sessions. */
class SessionRegistryTest {

  private static final RecordKey KEY = new RecordKey("PlayerData", "Player_1");

  private static HeldSession session() {
    return new HeldSession(object("{'coins':0}"), 1, 1, false);
  }

  @Test
  void aJoinFinishingAfterTheShutdownFlushBeganIsNotHeldBehindItsBack() {
    SessionRegistry registry = new SessionRegistry();
    registry.add(KEY, session());
    registry.close();
    assertThrows(ShuttingDownException.class, () -> registry.add(new RecordKey("PlayerData", "Late"), session()));
    assertEquals(1, registry.size(), "every session held before the close is in entries()");
  }

  @Test
  void aLostSessionAnswersLostUntilItsMemoryExpires() throws Exception {
    SessionRegistry registry = new SessionRegistry();
    HeldSession held = session();
    registry.add(KEY, held);
    registry.markLost(KEY, held, "node-b");
    assertEquals(HeldSession.Phase.ENDED, held.phase());
    assertEquals("node-b", assertInstanceOf(SessionLostException.class, registry.notHeld(KEY)).newOwner());

    registry.forgetGone(Duration.ofMinutes(1));
    assertInstanceOf(SessionLostException.class, registry.notHeld(KEY), "kept while young");
    Thread.sleep(5);
    registry.forgetGone(Duration.ofMillis(1));
    assertInstanceOf(SessionNotHeldException.class, registry.notHeld(KEY), "forgotten once old");
  }
}
