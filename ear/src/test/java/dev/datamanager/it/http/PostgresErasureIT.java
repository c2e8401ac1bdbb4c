package dev.datamanager.it.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.datamanager.api.record.RecordKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** User ids, access and erasure on PostgreSQL, where the tests also look into the database itself over JDBC. */
class PostgresErasureIT extends ErasureTests {

  PostgresErasureIT() {
    super(NodeDatabase.POSTGRES);
  }

  /** Also: the erasure is audited under a one-way hash, of the user id if it was a user's, else of store/key. */
  @Override
  void assertNothingLeftInTheDatabase(List<RecordKey> keys, String userId) {
    ErasedRows rows = new ErasedRows(node.databaseEnvironment());
    rows.assertNothingLeft(keys, userId);
    List<String> secrets = new ArrayList<>(List.of(userId));
    keys.forEach(key -> secrets.add(key.key()));
    rows.assertNowhereInClear("dm_audit", secrets);

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
