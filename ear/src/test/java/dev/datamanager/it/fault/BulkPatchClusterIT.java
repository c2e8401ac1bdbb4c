package dev.datamanager.it.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.it.node.Await;
import dev.datamanager.testsupport.TestPostgres;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A bulk patch over a 5 000-record store on PostgreSQL while two nodes hold 500 of the records and their players
 * keep updating them, and the node running the job is killed with SIGKILL at random points and restarted: the job
 * resumes each time (after the first kill, its last changes are made to look committed but not marked, the
 * crash window), every matching record (free or held) gets the patch exactly once, no other record gets it, the
 * players are never kicked, and every update answered 200 is in the stored record at the end.
 *
 * <p>The patch appends to an array, so a record patched twice shows it twice. Sizes: {@code -Dit.bulk.records}
 * (5 000), {@code -Dit.bulk.kills} (2 in CI; full mode 10), {@code -Dit.bulk.seed}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkPatchClusterIT {

  private static final int RECORDS = Integer.getInteger("it.bulk.records", 5000);
  private static final int HELD = 500;
  private static final int KILLS = Integer.getInteger("it.bulk.kills", 2);
  private static final int PLAYERS = 6;
  private static final Duration PAUSE = Duration.ofMillis(20);
  /** Items the first dead runner is made to have left pending although it changed their records. */
  private static final int REOPENED = 20;
  private static final String GRANT = "fix-1";
  private static final String PATCH = "{\"kind\":\"patch\",\"patch\":[{\"op\":\"add\",\"path\":\"/grants/-\","
      + "\"value\":\"" + GRANT + "\"}],\"where\":{\"pointer\":\"/level\",\"equals\":1}}";

  private Cluster cluster;
  private String database;

  @BeforeAll
  void startNodes() {
    Map<String, String> environment = new HashMap<>(TestPostgres.shared().freshNodeEnvironment("bulk_jobs"));
    database = environment.get("DB_NAME");
    environment.putAll(LeaseSettings.LONG.environment());
    environment.put("DATAMANAGER_TEMPLATES_DIR", templates().toString());
    environment.put("DATAMANAGER_JOBS_HEARTBEAT", "PT1S");
    environment.put("DATAMANAGER_JOBS_TAKEOVER", "PT5S");
    // The players' nodes never look for jobs, so the job always runs on the node this test kills.
    Map<String, String> players = new HashMap<>(environment);
    players.put("DATAMANAGER_JOBS_POLL", "PT1H");
    Map<String, String> runner = new HashMap<>(environment);
    runner.put("DATAMANAGER_JOBS_POLL", "PT0.5S");
    Map<String, Map<String, String>> nodes = new LinkedHashMap<>();
    nodes.put("bulk-a", players);
    nodes.put("bulk-b", players);
    nodes.put("bulk-runner", runner);
    cluster = Cluster.start(nodes);
  }

  @AfterAll
  void stopNodes() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aBulkPatchKilledAtRandomPointsChangesEveryMatchingRecordOnceAndKeepsThePlayersUpdates() throws Exception {
    FaultNode[] holders = {cluster.node("bulk-a"), cluster.node("bulk-b")};
    FaultNode runner = cluster.node("bulk-runner");
    long seed = Long.getLong("it.bulk.seed", System.nanoTime());
    Random random = new Random(seed);
    plantRecords(runner);
    Map<String, Long> generations = new ConcurrentHashMap<>();
    Parallel.run(HELD, i -> generations.put(key(i), ok(holders[i % 2].join(key(i))).generation()));

    Players players = new Players(holders);
    ExecutorService pool = Executors.newFixedThreadPool(PLAYERS);
    List<Future<?>> playing = new ArrayList<>();
    for (int p = 0; p < PLAYERS; p++) {
      int player = p;
      playing.add(pool.submit(() -> players.play(player)));
    }
    long began = System.nanoTime();
    Answer started = runner.startJob(PATCH);
    assertEquals(202, started.status(), started::toString);
    String id = started.json().getString("id");
    assertEquals(RECORDS, started.json().getInt("total"), started::toString);

    List<Integer> killedAt = new ArrayList<>();
    List<String> reopened = new ArrayList<>();
    for (double point : killPoints(random)) {
      int target = (int) (point * RECORDS);
      Await.until(Duration.ofSeconds(120), "job " + id + " past " + target + " records",
          () -> handled(ok(holders[0].job(id)).json()) >= target);
      Fault.kill(runner);
      killedAt.add(handled(ok(holders[0].job(id)).json()));
      if (reopened.isEmpty()) {
        // The dead runner's last changes, committed but not marked: its successor must not patch them again.
        try (Connection c = connect()) {
          reopened.addAll(JobCrashWindow.reopen(c, id, runner.id(), "", REOPENED));
        }
      }
      runner.restart();
    }
    AtomicReference<JsonObject> last = new AtomicReference<>();
    Await.until(Duration.ofSeconds(180), "the job ends (last " + last + ")", () -> {
      last.set(ok(holders[0].job(id)).json());
      return !last.get().getString("state").equals("running");
    });
    double jobSeconds = (System.nanoTime() - began) / 1e9;
    players.stop();
    for (Future<?> player : playing) {
      player.get();
    }
    pool.shutdownNow();

    JsonObject ended = last.get();
    int matching = (int) java.util.stream.IntStream.range(0, RECORDS).filter(i -> level(i) == 1).count();
    assertEquals(List.of("done", matching, RECORDS - matching, 0), List.of(ended.getString("state"),
        ended.getInt("done"), ended.getInt("skipped"), ended.getInt("failed")), ended.toString());
    assertTrue(players.refused.isEmpty(), () -> players.refused.size() + " player updates were refused, the first: "
        + players.refused.peek());
    for (int i = 0; i < HELD; i++) {
      Answer session = ok(holders[i % 2].session(key(i)));
      assertEquals(generations.get(key(i)), session.generation(), key(i) + ": the player was never kicked");
      assertEquals(204, holders[i % 2].leave(key(i)).status(), key(i));
    }

    Map<String, Integer> tagged;
    Map<String, JsonObject> stored;
    try (Connection c = connect()) {
      tagged = JobRecords.taggedVersions(c, id);
      stored = JobRecords.storedData(c);
    }
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < RECORDS; i++) {
      String key = key(i);
      List<String> grants = strings(stored.get(key), "grants");
      List<String> expected = level(i) == 1 ? List.of(GRANT) : List.of();
      if (!grants.equals(expected) || tagged.getOrDefault(key, 0) != expected.size()) {
        wrong.add(key + " (level " + level(i) + "): grants " + grants + ", " + tagged.getOrDefault(key, 0)
            + " versions by the job");
      }
    }
    assertTrue(wrong.isEmpty(), () -> wrong.size() + " records not patched exactly once as their level asks, the"
        + " first: " + wrong.subList(0, Math.min(5, wrong.size())));
    List<String> lost = new ArrayList<>();
    players.acknowledged.forEach((key, items) -> {
      List<String> storedItems = strings(stored.get(key), "items");
      if (!storedItems.equals(items)) {
        lost.add(key + ": acknowledged " + items.size() + ", stored " + storedItems.size());
      }
    });
    assertTrue(lost.isEmpty(), () -> lost.size() + " held records do not hold exactly their players' acknowledged"
        + " updates, the first: " + lost.subList(0, Math.min(5, lost.size())));
    System.out.printf("Bulk patch (seed %d): %,d records (%,d matching), %d held by 2 nodes; %,d player updates"
        + " acknowledged meanwhile; runner killed at %s handled (%d changes reopened after the first); job done in %.1f s%n", seed,
        RECORDS, matching, HELD, players.count.get(), killedAt, reopened.size(), jobSeconds);
  }

  /** Each kill at a random point between 5 % and 90 % of the records, in order. */
  private static List<Double> killPoints(Random random) {
    List<Double> points = new ArrayList<>();
    for (int k = 0; k < KILLS; k++) {
      points.add(0.05 + 0.85 * random.nextDouble());
    }
    points.sort(null);
    return points;
  }

  /** Updates from the players of the held records: each appends a unique item and remembers it if answered 200. */
  private static final class Players {

    private final FaultNode[] holders;
    private final AtomicBoolean playing = new AtomicBoolean(true);
    private final AtomicInteger count = new AtomicInteger();
    private final Map<String, List<String>> acknowledged = new TreeMap<>();
    private final ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();

    Players(FaultNode[] holders) {
      this.holders = holders;
      for (int i = 0; i < HELD; i++) {
        acknowledged.put(key(i), new ArrayList<>());
      }
    }

    /** Player {@code p} plays the held records {@code i} with {@code i % PLAYERS == p}, one update at a time. */
    void play(int p) {
      for (int n = 0; playing.get(); n++) {
        for (int i = p; i < HELD && playing.get(); i += PLAYERS) {
          String item = "u" + n;
          Answer answer = holders[i % 2].append(key(i), item);
          if (answer.status() == 200) {
            synchronized (acknowledged) {
              acknowledged.get(key(i)).add(item);
            }
            count.incrementAndGet();
          } else {
            refused.add(key(i) + " " + item + ": " + answer);
          }
          FrozenOwner.sleep(PAUSE); // a player's pace, not a load test
        }
      }
    }

    void stop() {
      playing.set(false);
    }
  }

  /**
   * Creates the store's records in the database: {@code Bulk_00000} through the API (so it is a record as a node
   * writes it), the others as copies of its row with their own document. Every fifth record is at level 2: the
   * job's condition does not match it.
   */
  private void plantRecords(FaultNode node) throws SQLException {
    ok(node.join(key(0)));
    assertEquals(204, node.leave(key(0)).status());
    try (Connection c = connect()) {
      List<String> columns = new ArrayList<>();
      try (ResultSet rows = c.getMetaData().getColumns(null, null, "dm_record", null)) {
        while (rows.next()) {
          columns.add(rows.getString("COLUMN_NAME").toLowerCase());
        }
      }
      List<String> values = columns.stream().map(column -> switch (column) {
        case "record_key" -> "'Bulk_' || lpad(g::text, 5, '0')";
        case "data" -> "'{\"coins\":' || g || ',\"level\":' || (CASE WHEN g % 5 = 4 THEN 2 ELSE 1 END)"
            + " || ',\"items\":[],\"grants\":[]}'";
        default -> column;
      }).toList();
      try (PreparedStatement copy = c.prepareStatement("INSERT INTO dm_record (" + String.join(", ", columns)
          + ") SELECT " + String.join(", ", values) + " FROM dm_record, generate_series(1, ?) g"
          + " WHERE store_name = ? AND record_key = ?")) {
        copy.setInt(1, RECORDS - 1);
        copy.setString(2, FaultNode.STORE);
        copy.setString(3, key(0));
        assertEquals(RECORDS - 1, copy.executeUpdate());
      }
      try (PreparedStatement first = c.prepareStatement("UPDATE dm_record SET data = ? WHERE store_name = ?"
          + " AND record_key = ?")) {
        first.setString(1, "{\"coins\":0,\"level\":1,\"items\":[],\"grants\":[]}");
        first.setString(2, FaultNode.STORE);
        first.setString(3, key(0));
        assertEquals(1, first.executeUpdate());
      }
    }
  }

  private static int level(int i) {
    return i % 5 == 4 ? 2 : 1;
  }

  private static String key(int i) {
    return String.format("Bulk_%05d", i);
  }

  private static Path templates() {
    try {
      return Path.of(BulkPatchClusterIT.class.getResource("/bulk-templates").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Answer ok(Answer answer) {
    assertEquals(200, answer.status(), answer::toString);
    return answer;
  }

  private static int handled(JsonObject job) {
    return job.getInt("done") + job.getInt("skipped") + job.getInt("failed");
  }

  private static List<String> strings(JsonObject data, String member) {
    return data.getJsonArray(member).getValuesAs(JsonString::getString);
  }

  private Connection connect() throws SQLException {
    return TestPostgres.shared().connect(database);
  }
}
