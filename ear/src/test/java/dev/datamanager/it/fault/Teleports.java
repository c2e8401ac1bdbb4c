package dev.datamanager.it.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonString;

/** Scenario 2: leave on one node and join on the other at once; the joiner sees the leaver's last update. */
final class Teleports {

  private Teleports() {}

  static void run(FaultNode a, FaultNode b, int times) {
    for (int i = 0; i < times; i++) {
      String key = "Teleport_" + i;
      FaultNode from = i % 2 == 0 ? a : b;
      FaultNode to = i % 2 == 0 ? b : a;
      assertEquals(200, from.join(key).status());
      assertEquals(200, from.append(key, "first-" + i).status());
      assertEquals(200, from.append(key, "last-" + i).status());
      assertEquals(204, from.leave(key).status());
      Answer joined = to.join(key);
      assertEquals(200, joined.status(), key + ": " + joined);
      assertTrue(items(joined).contains("last-" + i), key + " sees the last update: " + joined);
      assertEquals(204, to.leave(key).status());
    }
    System.out.printf("Teleport: %d leave-then-join moves, each saw the last update%n", times);
  }

  static java.util.List<String> items(Answer session) {
    return session.data().getJsonArray("items").getValuesAs(JsonString::getString);
  }
}
