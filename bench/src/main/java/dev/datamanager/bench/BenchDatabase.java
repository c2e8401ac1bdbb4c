package dev.datamanager.bench;

import dev.datamanager.persistence.record.RecordRepository;
import dev.datamanager.persistence.schema.SchemaMigrator;
import dev.datamanager.persistence.testing.NodeDataSource;
import dev.datamanager.testsupport.TestPostgres;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/** A fresh database on the embedded PostgreSQL with DataManager's schema, its repository and raw JDBC beside it. */
final class BenchDatabase implements AutoCloseable {

  static final String STORE = "PlayerData";

  private final String url;
  private final NodeDataSource dataSource;
  private final NodeDataSource jdbcPool;
  private final EntityManagerFactory emf;
  private final RecordRepository repository;

  BenchDatabase(String prefix) {
    String name = TestPostgres.shared().createDatabase(prefix);
    url = TestPostgres.shared().jdbcUrl(name);
    dataSource = new NodeDataSource(url);
    jdbcPool = new NodeDataSource(url);
    SchemaMigrator.migrate(dataSource);
    emf = Persistence.createEntityManagerFactory("datamanager", Map.of(
        "jakarta.persistence.nonJtaDataSource", dataSource, "eclipselink.session-name", "bench-" + name));
    repository = new RecordRepository(emf);
  }

  RecordRepository repository() {
    return repository;
  }

  /** A plain JDBC connection of its own, for the baselines and the counters. */
  Connection connect() throws SQLException {
    return DriverManager.getConnection(url);
  }

  /** A pooled JDBC connection (closing gives it back), so a baseline pays no connect per transaction either. */
  Connection pooled() throws SQLException {
    return jdbcPool.getConnection();
  }

  /** The keys of the bench's records: a format of one integer, the same in Java and in wrk's Lua. */
  static final String KEY_FORMAT = "P_%07d";

  static String key(int i) {
    return String.format(KEY_FORMAT, i);
  }

  /** Inserts rows {@code P_0000000…} holding {@code data}, owned by {@code owner} with generation 1 (null: free). */
  void seed(int rows, String owner, String data) throws SQLException {
    try (Connection c = connect();
        PreparedStatement insert = c.prepareStatement("INSERT INTO dm_record (store_name, record_key, data,"
            + " record_version, owner_id, lease_renewed_at, generation, created_at, updated_at)"
            + " SELECT ?, 'P_' || lpad(g::text, 7, '0'), ?, 1, ?::varchar, CASE WHEN ?::varchar IS NULL THEN NULL"
            + " ELSE statement_timestamp() END, 1, now(), now() FROM generate_series(0, ? - 1) g")) {
      insert.setString(1, STORE);
      insert.setString(2, data);
      insert.setString(3, owner);
      insert.setString(4, owner);
      insert.setInt(5, rows);
      insert.executeUpdate();
    }
  }

  /** Removes every record with its versions and user ids, so the next benchmark starts from empty tables. */
  void clear() throws SQLException {
    try (Connection c = connect();
        PreparedStatement delete = c.prepareStatement("TRUNCATE dm_record, dm_record_version, dm_record_user")) {
      delete.executeUpdate();
    }
  }

  /** How many versions of records are kept, counted exactly. */
  long versionRows() throws SQLException {
    try (Connection c = connect();
        PreparedStatement count = c.prepareStatement("SELECT count(*) FROM dm_record_version");
        ResultSet rs = count.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** PostgreSQL's count of row updates on the record table (reported asynchronously, about once a second). */
  long rowUpdates() throws SQLException {
    try (Connection c = connect();
        PreparedStatement stats = c.prepareStatement(
            "SELECT coalesce(sum(n_tup_upd), 0) FROM pg_stat_user_tables WHERE relname = 'dm_record'");
        ResultSet rs = stats.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Override
  public void close() {
    emf.close();
    dataSource.close();
    jdbcPool.close();
  }
}
