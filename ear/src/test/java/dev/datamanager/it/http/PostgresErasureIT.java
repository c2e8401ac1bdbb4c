package dev.datamanager.it.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.datamanager.api.record.RecordKey;
import java.util.List;
import java.util.Map;

/** User ids, access and erasure on PostgreSQL, where the tests also look into the database itself over JDBC. */
class PostgresErasureIT extends ErasureTests {

  PostgresErasureIT() {
    super(NodeDatabase.POSTGRES);
  }

  /**
   * Also: the audit trail holds the user id nowhere in clear, and the erasure is audited under a one-way hash (of
   * the user id if it was a user's erasure, else of store/key), never the key.
   */
  @Override
  void assertNothingLeftInTheDatabase(List<RecordKey> keys, String userId) {
    ErasedRows rows = new ErasedRows(node.databaseEnvironment());
    rows.assertNothingLeft(keys, userId);
    rows.assertNowhereInClear("dm_audit", List.of(userId));
    // Earlier restores and edits of the record named it by its key; the erasure left only its hash there too.
    rows.assertNowhereInClear("dm_audit", keys.stream().map(RecordKey::key).toList());

    List<Map<String, String>> userErasures = rows.audit("erase-user").stream()
        .filter(entry -> entry.get("target").equals(ErasedRows.hash(userId))).toList();
    if (!userErasures.isEmpty()) {
      assertEquals(1, userErasures.size(), userErasures::toString);
      assertEquals("ok", userErasures.get(0).get("outcome"));
      assertEquals(node.admin.user(), userErasures.get(0).get("user_name"));
      return;
    }
    for (RecordKey key : keys) {
      List<Map<String, String>> erasures = rows.audit("erase").stream()
          .filter(entry -> entry.get("target").equals(ErasedRows.hash(key.store() + "/" + key.key()))
              && entry.get("outcome").equals("ok")).toList();
      assertEquals(1, erasures.size(), "one audit entry for the erasure of " + key + ": " + erasures);
    }
  }
}
