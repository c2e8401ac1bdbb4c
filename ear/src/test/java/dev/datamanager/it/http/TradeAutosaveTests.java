package dev.datamanager.it.http;

import static dev.datamanager.it.http.TradeCalls.items;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.it.trade.ItemCensus;
import dev.datamanager.it.trade.ItemTrade;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * With an autosave every second, two traders move items back and forth between two sessions in bursts while a third
 * client keeps both dirty with merge patches, so that autosave passes meet trades; the committed records, sampled
 * throughout, always hold every item exactly once: no autosave ever stores one side of a trade.
 */
abstract class TradeAutosaveTests extends OneNodePerClass {

  private static final Duration RUN = Duration.ofSeconds(Long.getLong("it.trades.autosave.seconds", 15));
  private static final List<String> KEYS = List.of("Auto_A", "Auto_B");
  private static final List<String> ITEMS = IntStream.range(0, 12).mapToObj(i -> "item-" + i).toList();

  private final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<JsonObject> acknowledged = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
  private final AtomicInteger samples = new AtomicInteger();
  private volatile boolean running = true;
  private TradeCalls calls;

  TradeAutosaveTests(NodeDatabase database) {
    super("trade-autosave", database);
  }

  @Override
  Map<String, String> nodeEnvironment() {
    return Map.of("DATAMANAGER_AUTOSAVE_INTERVAL", "PT1S");
  }

  @Test
  void anAutosaveNeverStoresOneSideOfATrade() throws Exception {
    calls = new TradeCalls(node);
    calls.hold("Auto_A", ITEMS.subList(0, 6).toArray(String[]::new));
    calls.hold("Auto_B", ITEMS.subList(6, 12).toArray(String[]::new));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Object>> clients = pool.invokeAll(List.of(
          trader(0, 1), trader(1, 2), Executors.callable(this::patcher), Executors.callable(this::sampler)),
          RUN.toSeconds() + 120, TimeUnit.SECONDS);
      for (Future<Object> client : clients) {
        client.get();
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.printf("Trades under autosave on %s: %s; %d consistent samples of the stored records%n", database,
        new TreeMap<>(answers), samples.get());
    assertTrue(violations.isEmpty(), () -> violations.size() + " samples of the stored records broke the item"
        + " count, the first: " + violations.peek());
    assertTrue(answers.getOrDefault("trade 200", new AtomicInteger()).get() > 20, "enough trades: " + answers);
    assertTrue(samples.get() > 20, "enough consistent samples: " + samples.get());
    for (String key : KEYS) {
      assertTrue(calls.versions(key).stream().anyMatch(v -> calls.version(key, v).getString("reason")
          .equals("autosave")), key + " was autosaved during the run");
    }
    for (JsonObject session : acknowledged) {
      JsonObject stored = calls.version(session.getString("key"), session.getJsonNumber("version").longValue());
      assertEquals(List.of("trade", session.getJsonObject("data")), List.of(stored.getString("reason"),
          stored.getJsonObject("data")), "an acknowledged trade is stored as answered: " + session);
    }
    KEYS.forEach(key -> TradeCalls.ok(node.send(node.request(TradeCalls.SESSIONS + key + "/save", node.game)
        .POST(HttpRequest.BodyPublishers.noBody()).build())));
    ItemCensus committed = ItemCensus.of(ITEMS, Map.of("Auto_A", items(calls.record("Auto_A")),
        "Auto_B", items(calls.record("Auto_B"))));
    assertTrue(committed.exact(), committed::toString);
  }

  /** Moves random items from one session to the other, reading where each item is first; a lost race is a 422. */
  private Callable<Object> trader(int giverIndex, long seed) {
    return () -> {
      Random random = new Random(seed);
      long end = System.nanoTime() + RUN.toNanos();
      while (System.nanoTime() < end) {
        if (!tradingNow(end)) {
          sleep(50);
          continue;
        }
        int from = (giverIndex + random.nextInt(2)) % 2;
        String giver = KEYS.get(from);
        List<String> held = items(calls.session(giver));
        if (held.isEmpty()) {
          continue;
        }
        int index = random.nextInt(held.size());
        HttpResponse<String> answer = calls.trade(ItemTrade.move(giver, index, held.get(index), KEYS.get(1 - from)));
        count("trade " + answer.statusCode());
        if (answer.statusCode() == 200) {
          Problems.json(answer.body()).getJsonArray("sessions").forEach(s -> acknowledged.add(s.asJsonObject()));
        } else if (answer.statusCode() != 422) {
          violations.add("a trade on a healthy node answered " + answer.statusCode() + " " + answer.body());
        }
        sleep(random.nextInt(150)); // pauses in which the sampler can read both records between two trades
      }
      return null;
    };
  }

  /**
   * Trades come in bursts of 1.5 s with pauses of 2.5 s: each trade saves both sessions, so only in a pause do they
   * get older than the autosave interval (1 s); the pause leaves them due for 1.5 s, longer than the autosave tick, so
   * every pause has an autosave pass, and a late one races the next burst.
   */
  private static boolean tradingNow(long endNanos) {
    long elapsedMillis = (RUN.toNanos() - (endNanos - System.nanoTime())) / 1_000_000;
    return elapsedMillis % 4000 < 1500;
  }

  /** Keeps both sessions dirty, so that every autosave pass has something of each to store. */
  private void patcher() {
    long end = System.nanoTime() + RUN.toNanos();
    try {
      for (int n = 1; System.nanoTime() < end; n++) {
        String key = KEYS.get(n % 2);
        HttpResponse<String> answer = node.send(node.request(TradeCalls.SESSIONS + key, node.game)
            .header("Content-Type", "application/merge-patch+json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"coins\":" + n + "}")).build());
        count("patch " + answer.statusCode());
        sleep(20);
      }
    } finally {
      running = false;
    }
  }

  /**
   * Reads A, B and A again; when A's version did not move, no trade committed in between (each moves A), so the two
   * reads show one moment of the items' history and must hold each item once.
   */
  private void sampler() {
    while (running) {
      JsonObject a = calls.record("Auto_A");
      JsonObject b = calls.record("Auto_B");
      JsonObject again = calls.record("Auto_A");
      if (a.getJsonNumber("version").longValue() != again.getJsonNumber("version").longValue()) {
        continue;
      }
      ItemCensus census = ItemCensus.of(ITEMS, Map.of("Auto_A", items(a), "Auto_B", items(b)));
      samples.incrementAndGet();
      if (!census.exact()) {
        violations.add("A at version " + a.getJsonNumber("version") + ", B at version " + b.getJsonNumber("version")
            + ": " + census);
      }
    }
  }

  private void count(String what) {
    answers.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
