package dev.datamanager.it.http;

import static dev.datamanager.it.http.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Fires every hostile case at a node holding a dirty victim session, and checks each is refused with problem+json
 * while the committed record, the cached session, the record's pending messages and the job list stay exactly as
 * they were.
 */
abstract class HostileInputTests extends OneNodePerClass {

  private final AtomicInteger ran = new AtomicInteger();

  HostileInputTests(NodeDatabase database) {
    super("hostile", database);
  }

  @BeforeAll
  void holdADirtyVictim() {
    node.sessions().join("PlayerData", "Victim_1");
    node.sessions().mergePatch("PlayerData", "Victim_1", Problems.json("{\"coins\":42,\"items\":[\"shield\"]}"));
    node.sessions().save("PlayerData", "Victim_1");
    // Dirty on purpose: RAM now differs from the record, so a case that touched either would show.
    node.sessions().mergePatch("PlayerData", "Victim_1", Problems.json("{\"gems\":7}"));
  }

  @AfterAll
  void reportCount() {
    System.out.println("Hostile-input cases run on " + database + ": " + ran.get());
  }

  @TestFactory
  Stream<DynamicTest> everyHostileRequestIsRefusedAndChangesNothing() {
    List<HostileCase> cases = HostileCases.all();
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.name() + " -> " + c.status(), () -> {
      JsonObject record = committed();
      JsonObject session = cached();
      JsonObject jobs = jobs();
      JsonObject messages = messages();
      assertProblem(c.status(), node.send(c.request().apply(node)));
      assertEquals(record, committed(), "committed record unchanged");
      assertEquals(session, cached(), "cached session unchanged");
      assertEquals(jobs, jobs(), "no job started");
      assertEquals(messages, messages(), "no message stored or consumed");
      ran.incrementAndGet();
    }));
  }

  private JsonObject messages() {
    return Problems.json(node.send(node.request(HostileCases.VICTIM_RECORD + "/messages", node.admin).build())
        .body());
  }

  private JsonObject committed() {
    return Problems.json(node.send(node.request(HostileCases.VICTIM_RECORD, node.admin).build()).body());
  }

  private JsonObject jobs() {
    return Problems.json(node.send(node.request("/api/v1/jobs?limit=500", node.admin).build()).body());
  }

  private JsonObject cached() {
    JsonObject session = Problems.json(node.send(node.request(HostileCases.VICTIM, node.game).build()).body());
    assertEquals(7, session.getJsonObject("data").getInt("gems"));
    assertEquals(true, session.getBoolean("dirty"));
    return session;
  }
}
