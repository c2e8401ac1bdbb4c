package dev.datamanager.persistence.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.datamanager.api.record.RecordKey;
import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The join's statements bind exactly their placeholders, each once, with the values the rules in StoredRecord set. */
class LockedJoinStatementsTest {

  private static final RecordKey KEY = new RecordKey("PlayerData", "Player_1");
  private static final Instant NOW = Instant.parse("2026-11-26T20:00:00.123456Z");

  @Test
  void theTakeBindsEveryPlaceholderAndFencesOnTheLockedGeneration() throws Exception {
    StoredRecord row = StoredRecord.create(KEY, "{}", 0, NOW);
    row.take("node-a", "incarnation-a", NOW);
    long locked = row.generation();
    row.take("node-b", "incarnation-b", NOW.plusSeconds(1));
    Map<Integer, Object> bound = new TreeMap<>();

    int last = LockedJoin.bindTake(recording(bound), row, locked);

    assertEquals(placeholders(LockedJoin.TAKE), last);
    assertEquals(placeholders(LockedJoin.TAKE), bound.size());
    assertEquals(2L, bound.get(1), "the new generation");
    assertEquals(1L, bound.get(last), "the fence: the generation the row was locked with");
    assertEquals(KEY.key(), bound.get(last - 1));
    assertEquals("node-b", bound.get(3), "OWNER_ID, second of the state assignments");
  }

  @Test
  void theCreationBindsEveryColumnOnce() throws Exception {
    StoredRecord row = StoredRecord.create(KEY, "{\"coins\":0}", 0, NOW);
    row.take("node-a", "incarnation-a", NOW);
    Map<Integer, Object> bound = new TreeMap<>();

    int last = LockedJoin.bindCreate(recording(bound), row);

    int columns = (StoredRecord.IDENTITY_COLUMNS + ", " + StoredRecord.STATE_TARGETS).split(",").length;
    assertEquals(columns, placeholders(LockedJoin.CREATE));
    assertEquals(columns, last);
    assertEquals(columns, bound.size());
    assertEquals("{\"coins\":0}", bound.get(3), "DATA, third of the identity columns");
    assertEquals(1L, bound.get(4), "GENERATION after the first take");
  }

  private static int placeholders(String sql) {
    return (int) sql.chars().filter(c -> c == '?').count();
  }

  private static PreparedStatement recording(Map<Integer, Object> bound) {
    return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
        new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
          if (method.getName().startsWith("set") && args != null && args.length == 2 && args[0] instanceof Integer) {
            Object earlier = bound.put((Integer) args[0], args[1] == null ? "null" : args[1]);
            if (earlier != null) {
              throw new AssertionError("parameter " + args[0] + " bound twice");
            }
          }
          return null;
        });
  }
}
