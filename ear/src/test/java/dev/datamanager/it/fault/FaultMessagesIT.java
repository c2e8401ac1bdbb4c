package dev.datamanager.it.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Messages on two nodes sharing one PostgreSQL database: delivered to whichever node holds the record, kept while the
 * record moves between nodes, and applied exactly once although the owner is killed with SIGKILL around its acks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultMessagesIT {

  private static final LeaseSettings LEASE = LeaseSettings.SHORT;
  // Short in CI; the full run is -Dit.fault.messages.kills=10 (see README, Test).
  private static final int KILLS = Integer.getInteger("it.fault.messages.kills", 2);

  private Cluster cluster;
  private FaultNode a;
  private FaultNode b;

  @BeforeAll
  void startNodes() {
    cluster = Cluster.onFreshDatabase("fault_messages", LEASE, "msg-a", "msg-b");
    a = cluster.node("msg-a");
    b = cluster.node("msg-b");
  }

  @AfterAll
  void stopNodes() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void aMessageToARecordHeldOnAnotherNodeIsDeliveredThere() {
    String key = "Remote_1";
    assertEquals(200, a.join(key).status());
    long sentAt = System.nanoTime();
    Answer sent = b.sendMessage(key, "{\"gift\":\"remote-1\"}", null);
    assertEquals(202, sent.status(), sent::toString);
    JsonObject message = awaitPending(a, key, 1).get(0).asJsonObject();
    System.out.printf("Message sent on B seen in A's session after %.0f ms%n", (System.nanoTime() - sentAt) / 1e6);
    assertEquals(sent.json().getString("id"), message.getString("id"));

    assertEquals(200, GiftAcker.ack(a, key, message));
    assertEquals(0, b.messages(key).json().getJsonArray("messages").size(), "consumed by A's commit");
    assertEquals(List.of("remote-1"), items(b.record(key)));
    assertEquals(204, a.leave(key).status());
  }

  @Test
  @Order(2)
  void aRecordHandedBetweenNodesKeepsItsPendingMessages() {
    String key = "Handed_1";
    assertEquals(200, a.join(key).status());
    for (int i = 1; i <= 3; i++) {
      assertEquals(202, b.sendMessage(key, "{\"gift\":\"handed-" + i + "\"}", null).status());
    }
    long sent = System.nanoTime();
    List<JsonValue> onA = awaitPending(a, key, 3);
    System.out.printf("Three messages sent on B seen in A's session after %.0f ms%n",
        (System.nanoTime() - sent) / 1e6);
    assertEquals(200, GiftAcker.ack(a, key, onA.get(0).asJsonObject()));

    Answer onB = b.join(key); // A is alive: it hands the record over
    assertEquals(200, onB.status(), onB::toString);
    assertEquals(List.of("handed-1"), items(onB));
    assertEquals(gifts(onA.subList(1, 3)), gifts(onB.json().getJsonArray("messages")), "still pending, in order");
    assertEquals(200, GiftAcker.ack(b, key, onB.json().getJsonArray("messages").getJsonObject(0)));
    assertEquals(204, b.leave(key).status());

    Answer back = a.join(key);
    assertEquals(List.of("handed-1", "handed-2"), items(back));
    assertEquals(List.of("handed-3"), gifts(back.json().getJsonArray("messages")));
    assertEquals(204, a.leave(key).status());
  }

  @Test
  @Order(3)
  void everyGiftIsAppliedExactlyOnceWhileOwnersAreKilledAroundTheirAcks() throws InterruptedException {
    String key = "Gifts_1";
    long seed = System.nanoTime();
    Random random = new Random(seed);
    FaultNode owner = a;
    FaultNode other = b;
    assertEquals(200, owner.join(key).status());
    AtomicReference<FaultNode> via = new AtomicReference<>(other);
    int acked = 0;
    long started = System.nanoTime();
    GiftSender sender = GiftSender.start(key, via::get);
    try {
      for (int kill = 0; kill < KILLS; kill++) {
        try (GiftAcker acker = GiftAcker.start(owner, key)) {
          Thread.sleep(800 + random.nextInt(2500));
          owner.process.kill9();
          acker.close();
          acked += acker.acked();
        }
        FaultNode killed = owner;
        // The killed node starts again while the other takes over; the last one stays down.
        Thread restart = new Thread(killed::restart, "restart-" + killed.id());
        boolean needed = kill < KILLS - 1;
        if (needed) {
          restart.start();
        }
        owner = other;
        other = killed;
        via.set(owner);
        long down = System.nanoTime();
        awaitJoin(owner, key);
        System.out.printf("Round %d: %s took the gifts over %.1f s after the kill%n", kill + 1, owner.id(),
            (System.nanoTime() - down) / 1e9);
        if (needed) {
          restart.join(Duration.ofMinutes(2).toMillis());
          via.set(other);
        }
      }
    } finally {
      sender.close();
    }
    acked += drain(owner, key);
    assertEquals(204, owner.leave(key).status());

    List<String> items = items(owner.record(key));
    Map<String, Long> counts = items.stream().collect(Collectors.groupingBy(Function.identity(),
        Collectors.counting()));
    List<String> stored = sender.stored();
    List<String> duplicated = counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    List<String> lost = stored.stream().filter(gift -> !counts.containsKey(gift)).toList();
    List<String> unknown = items.stream().filter(gift -> !sender.attempted().contains(gift)).toList();
    System.out.printf("Gifts under kill -9 (seed %d): %d kills, %d gifts stored (%d sends attempted), %d acks"
        + " answered 200, %d gifts applied, %d duplicated, %d lost, %.0f s%n", seed, KILLS, stored.size(),
        sender.attempted().size(), acked, counts.size(), duplicated.size(), lost.size(),
        (System.nanoTime() - started) / 1e9);
    assertTrue(stored.size() > 20, "gifts were sent throughout: " + stored.size());
    assertEquals(List.of(), duplicated, "no gift applied twice");
    assertEquals(List.of(), lost, "every stored gift applied");
    assertEquals(List.of(), unknown, "nothing applied that was not sent");
    assertEquals(0, owner.messages(key).json().getJsonArray("messages").size(), "none pending");
  }

  /** Acks every pending gift on {@code owner} until the database holds none for the key; answers the acks. */
  private static int drain(FaultNode owner, String key) throws InterruptedException {
    int acked = 0;
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      Answer session = owner.session(key);
      assertEquals(200, session.status(), session::toString);
      List<JsonValue> pending = session.json().getJsonArray("messages");
      for (JsonValue message : pending) {
        acked += GiftAcker.ack(owner, key, message.asJsonObject()) == 200 ? 1 : 0;
      }
      if (pending.isEmpty() && owner.messages(key).json().getJsonArray("messages").isEmpty()) {
        return acked;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("gifts still pending after 60 s: " + owner.messages(key));
  }

  /** Joins until the dead owner's lease is stale and taken over. */
  private static void awaitJoin(FaultNode node, String key) {
    long deadline = System.nanoTime() + LEASE.stale().plusSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      Answer join = node.join(key);
      if (join.ok()) {
        return;
      }
      assertTrue(join.status() == 409 || join.status() == 503, join::toString);
    }
    throw new AssertionError(node.id() + " never took " + key + " over from the killed node");
  }

  private static List<JsonValue> awaitPending(FaultNode node, String key, int count) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      Answer session = node.session(key);
      assertEquals(200, session.status(), session::toString);
      List<JsonValue> messages = session.json().getJsonArray("messages");
      if (messages.size() >= count) {
        return messages;
      }
    }
    throw new AssertionError(count + " messages never reached " + node.id() + "'s session of " + key);
  }

  private static List<String> items(Answer answer) {
    return answer.data().getJsonArray("items").getValuesAs(JsonString.class).stream().map(JsonString::getString)
        .toList();
  }

  private static List<String> gifts(List<JsonValue> messages) {
    return messages.stream().map(m -> m.asJsonObject().getJsonObject("body").getString("gift")).toList();
  }
}
