package dev.datamanager.persistence.testing;

import dev.datamanager.persistence.record.RecordRepository;
import dev.datamanager.persistence.schema.SchemaMigrator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A fresh database of one kind, the nodes that share it, and a view of who is waiting for a lock. */
public final class FreshDatabase implements AutoCloseable {

  private static final long DEFAULT_MAX_BYTES = 4_194_304;

  private final DatabaseKind kind;
  private final String name;
  private final String url;
  private final List<Node> nodes = new CopyOnWriteArrayList<>();

  FreshDatabase(DatabaseKind kind, String name, String url) {
    this.kind = kind;
    this.name = name;
    this.url = url;
  }

  public DatabaseKind kind() {
    return kind;
  }

  public String url() {
    return url;
  }

  public FreshDatabase migrated() {
    try (NodeDataSource dataSource = new NodeDataSource(url)) {
      SchemaMigrator.migrate(dataSource);
    }
    return this;
  }

  public Node node(String serverId) {
    return node(serverId, DEFAULT_MAX_BYTES);
  }

  public Node node(String serverId, long maxDocumentBytes) {
    Node node = new Node(serverId, url, maxDocumentBytes);
    nodes.add(node);
    return node;
  }

  public RecordRepository repository(String serverId) {
    return node(serverId).repository();
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url);
  }

  /** Waits until at least {@code count} transactions wait for a lock; returns their SQL. */
  public List<String> awaitBlocked(int count) throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      while (true) {
        List<String> blocked = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(kind.blockedStatementsSql)) {
          while (rows.next()) {
            blocked.add(rows.getString(1));
          }
        }
        if (blocked.size() >= count) {
          return blocked;
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError("Expected " + count + " blocked transactions, saw " + blocked);
        }
        Thread.sleep(10);
      }
    }
  }

  @Override
  public void close() throws SQLException {
    nodes.forEach(Node::close);
    kind.dropDatabase(name);
  }
}
