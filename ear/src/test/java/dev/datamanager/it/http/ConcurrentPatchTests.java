package dev.datamanager.it.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.api.session.SessionResource;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * 32 client threads patch 100 held sessions for a bounded time: merge patches on fields each thread owns and JSON
 * Patch appends to the shared {@code items} array. Every acknowledged change must then be present exactly once, in
 * RAM, after a save, and after leave and a fresh join.
 */
abstract class ConcurrentPatchTests extends OneNodePerClass {

  private static final String STORE = "PlayerData";
  private static final int THREADS = 32;
  private static final int SESSIONS = 100;
  private static final Duration RUN = Duration.ofSeconds(Long.getLong("it.concurrency.seconds", 10));


  ConcurrentPatchTests(NodeDatabase database) {
    super("concurrent", database);
  }


  @Test
  void everyAcknowledgedChangeSurvivesExactlyOnce() throws InterruptedException {
    SessionResource sessions = node.sessions();
    List<String> keys = IntStream.range(0, SESSIONS).mapToObj(i -> "Crowd_" + i).toList();
    keys.forEach(key -> sessions.join(STORE, key));
    AcknowledgedChanges acknowledged = new AcknowledgedChanges();
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    CountDownLatch start = new CountDownLatch(1);
    Instant end = Instant.now().plus(RUN);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    for (int t = 0; t < THREADS; t++) {
      String field = "t" + t;
      pool.submit(() -> {
        try {
          start.await();
          for (int n = 1; Instant.now().isBefore(end); n++) {
            String key = keys.get((n * 7 + field.hashCode() & 0x7fffffff) % SESSIONS);
            if (n % 2 == 0) {
              sessions.mergePatch(STORE, key, Json.createObjectBuilder().add(field, n).build());
              acknowledged.counter(key, field, n);
            } else {
              String item = field + "-" + n;
              sessions.jsonPatch(STORE, key, append(item));
              acknowledged.item(key, item);
            }
          }
        } catch (Throwable e) {
          failures.add(e);
        }
        return null;
      });
    }
    start.countDown();
    pool.shutdown();
    assertTrue(pool.awaitTermination(RUN.toSeconds() + 120, TimeUnit.SECONDS), "clients finished");
    assertTrue(failures.isEmpty(), () -> failures.size() + " requests failed, first: " + failures.peek());
    System.out.println("Concurrent patches acknowledged on " + database + ": " + acknowledged.count()
        + " patches across " + SESSIONS + " sessions in " + RUN.toSeconds() + " s");
    assertTrue(acknowledged.count() > SESSIONS, "the run made progress");

    keys.forEach(key -> acknowledged.assertPresentIn(key, sessions.get(STORE, key).data(), "in RAM"));
    keys.forEach(key -> sessions.save(STORE, key));
    keys.forEach(key -> acknowledged.assertPresentIn(key, node.records().get(STORE, key).data(), "committed"));
    // Raw HTTP here so that a refusal shows its problem body in the failure message.
    keys.forEach(key -> {
      var left = node.send(node.request("/api/v1/stores/" + STORE + "/sessions/" + key, node.game).DELETE().build());
      assertEquals(204, left.statusCode(), () -> "leave " + key + ": " + left.body());
    });
    assertEquals(0, node.server().describe().sessionCount());
    keys.forEach(key -> acknowledged.assertPresentIn(key, sessions.join(STORE, key).data(), "after rejoin"));
  }

  private static JsonArray append(String item) {
    return Json.createArrayBuilder()
        .add(Json.createObjectBuilder().add("op", "add").add("path", "/items/-").add("value", item))
        .build();
  }
}
