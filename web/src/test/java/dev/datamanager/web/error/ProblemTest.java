package dev.datamanager.web.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.datamanager.api.error.DatabaseUnavailableException;
import dev.datamanager.api.error.SessionLostException;
import dev.datamanager.api.error.UnknownStoreException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ProblemTest {

  private static JsonObject body(Problem problem) {
    return Json.createReader(new StringReader(problem.toJson())).readObject();
  }

  @Test
  void aBodyCarriesTypeTitleStatusDetailRetryableAndTheRecord() {
    Problem problem = new Problem("session-refused", "Save in progress, please rejoin", 409, "Node b holds it.", true,
        "PlayerData", "Player_1");

    assertEquals(Json.createObjectBuilder().add("type", "urn:datamanager:problem:session-refused")
        .add("title", "Save in progress, please rejoin").add("status", 409).add("detail", "Node b holds it.")
        .add("retryable", true).add("store", "PlayerData").add("key", "Player_1").build(), body(problem));
  }

  @Test
  void aProblemAboutNoRecordHasNoStoreOrKeyAndOnly503IsRetryableByDefault() {
    JsonObject unavailable = body(new Problem("database-unavailable", "Database unavailable", 503, "Retry."));
    JsonObject internal = body(new Problem("internal-error", "Internal error", 500, "Report it."));

    assertEquals(true, unavailable.getBoolean("retryable"));
    assertEquals(false, internal.getBoolean("retryable"));
    assertFalse(unavailable.containsKey("store") || unavailable.containsKey("key"));
  }

  @Test
  void theRecordIsTheOneTheExceptionNames() {
    Problem plain = new Problem("session-lost", "Session lost to another node", 409, "Lost.");

    Problem lost = ProblemRecord.about(plain, new SessionLostException("PlayerData", "Player_1", "node-b"), null);
    Problem unknown = ProblemRecord.about(plain, new UnknownStoreException("Nope"), null);
    Problem database = ProblemRecord.about(plain, new DatabaseUnavailableException("load", null), null);

    assertEquals(plain.about("PlayerData", "Player_1"), lost);
    assertEquals(plain.about("Nope", null), unknown);
    assertEquals(plain, database);
  }
}
