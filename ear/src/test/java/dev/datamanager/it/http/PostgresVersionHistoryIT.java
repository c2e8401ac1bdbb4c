package dev.datamanager.it.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.datamanager.it.node.Await;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Versions and the audit trail on PostgreSQL, plus the thinning of old autosave versions: rows two days old can only
 * be put into the database directly, beside the node.
 */
class PostgresVersionHistoryIT extends VersionHistoryTests {

  PostgresVersionHistoryIT() {
    super(NodeDatabase.POSTGRES);
  }

  @Test
  void autosaveVersionsOlderThanThinAfterAreThinnedToTheLatestOfEachHour() throws SQLException {
    String key = "Thin_1";
    VersionRows rows = new VersionRows(node);
    String hour = VersionRows.TWO_DAYS_BACK;
    String next = "(" + hour + " + interval '1 hour')";
    rows.insertRecord(key, 12);
    rows.insertVersion(key, 0, "create", hour + " - interval '1 hour'", false);
    rows.insertVersion(key, 1, "autosave", hour + " + interval '5 minutes'", false); // thinned
    rows.insertVersion(key, 2, "autosave", hour + " + interval '20 minutes'", true); // pinned: kept
    rows.insertVersion(key, 3, "autosave", hour + " + interval '40 minutes'", false); // thinned
    rows.insertVersion(key, 4, "autosave", hour + " + interval '55 minutes'", false); // latest of its hour
    rows.insertVersion(key, 5, "autosave", next + " + interval '10 minutes'", false); // thinned
    rows.insertVersion(key, 6, "autosave", next + " + interval '30 minutes'", false); // thinned
    rows.insertVersion(key, 7, "save", next + " + interval '40 minutes'", false); // not an autosave: kept
    rows.insertVersion(key, 8, "autosave", next + " + interval '50 minutes'", false); // latest of its hour
    rows.insertVersion(key, 9, "autosave", next + " + interval '70 minutes'", false); // alone in its hour
    rows.insertVersion(key, 10, "autosave", "now() - interval '60 seconds'", false); // younger than thin-after
    rows.insertVersion(key, 11, "autosave", "now() - interval '30 seconds'", false);
    rows.insertVersion(key, 12, "autosave", "now()", false); // current

    List<Long> expected = List.of(0L, 2L, 4L, 7L, 8L, 9L, 10L, 11L, 12L);
    try {
      Await.until(Duration.ofSeconds(60), "old autosave versions thinned to one per hour",
          () -> rows.of(key).equals(expected));
    } catch (AssertionError timedOut) {
      assertEquals(expected, rows.of(key), "old autosave versions thinned to one per hour");
      throw timedOut;
    }
    assertEquals(expected, numbers(node.versions().list(STORE, key, null, null, "asc", null, null).versions()));
    RetentionTests.sleepThroughPrunePasses();
    assertEquals(expected, rows.of(key), "later passes thin no further");
  }
}
