package dev.datamanager.persistence.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.datamanager.persistence.testing.NodeDataSource;
import dev.datamanager.persistence.testing.OnBothDatabases;
import dev.datamanager.persistence.testing.FreshDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Four nodes starting at once on an empty database: the schema is created exactly once, none fails. */
class SchemaMigrationIT extends OnBothDatabases {

  static final int NODES = 4;
  static final int ROUNDS = 3;

  @Test
  void concurrentStartsMigrateAFreshDatabaseExactlyOnce() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      try (FreshDatabase fresh = kind.freshDatabase()) {
        migrateConcurrently(fresh);
        assertSchemaAppliedOnce(fresh);
      }
    }
  }

  @Test
  void migratingAnUpToDateDatabaseChangesNothing() throws Exception {
    db.migrated();
    assertSchemaAppliedOnce(db);
  }

  private static void migrateConcurrently(FreshDatabase fresh) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(NODES);
    CyclicBarrier start = new CyclicBarrier(NODES);
    List<Callable<Void>> nodes = new ArrayList<>();
    for (int n = 0; n < NODES; n++) {
      nodes.add(() -> {
        try (NodeDataSource dataSource = new NodeDataSource(fresh.url())) {
          start.await();
          SchemaMigrator.migrate(dataSource);
        }
        return null;
      });
    }
    try {
      for (Future<Void> node : threads.invokeAll(nodes)) {
        node.get();
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private static void assertSchemaAppliedOnce(FreshDatabase database) throws SQLException {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      assertEquals(1, count(statement, "SELECT COUNT(*) FROM DATABASECHANGELOG WHERE ID = '001-record'"));
      assertEquals(0, count(statement, "SELECT COUNT(*) FROM DM_RECORD"));
      assertEquals(0, count(statement,
          "SELECT COUNT(*) FROM DATABASECHANGELOGLOCK WHERE LOCKED = TRUE"), "the migration lock is released");
    }
  }

  private static long count(Statement statement, String sql) throws SQLException {
    try (ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
