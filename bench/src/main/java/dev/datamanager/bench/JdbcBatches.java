package dev.datamanager.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A baseline's raw JDBC writes of seeded rows on a connection of its own: one statement batched over the rows of a
 * batch (parameters: data, store, key) and, if given, a batch INSERT of each row's version, one transaction per batch.
 */
final class JdbcBatches implements AutoCloseable {

  private final Connection connection;
  private final PreparedStatement write;
  private final PreparedStatement insertVersion;
  private final VersionRows versions;

  JdbcBatches(BenchDatabase db, String sql, VersionRows versions) throws SQLException {
    connection = db.connect();
    connection.setAutoCommit(false);
    write = connection.prepareStatement(sql);
    this.versions = versions;
    insertVersion = versions == null ? null : connection.prepareStatement(VersionRows.INSERT);
  }

  /** Seconds to write {@code data} into rows {@code from … to-1}, which thereby reach {@code version}. */
  double write(int from, int to, String data, long version) throws SQLException {
    long start = System.nanoTime();
    for (int i = from; i < to; i++) {
      write.setString(1, data);
      write.setString(2, BenchDatabase.STORE);
      write.setString(3, BenchDatabase.key(i));
      write.addBatch();
      if (insertVersion != null) {
        versions.bind(insertVersion, BenchDatabase.key(i), version, data);
        insertVersion.addBatch();
      }
    }
    write.executeBatch();
    if (insertVersion != null) {
      insertVersion.executeBatch();
    }
    connection.commit();
    return (System.nanoTime() - start) / 1e9;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
