package dev.datamanager.persistence.testing;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * One node's connections: pooled (opening a PostgreSQL backend per transaction would dominate the
 * timings), counted, and able to hold the next commit behind a {@link CommitGate}.
 */
public final class NodeDataSource implements DataSource, AutoCloseable {

  private final String url;
  private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
  private final List<Connection> opened = new CopyOnWriteArrayList<>();
  private final AtomicInteger borrowed = new AtomicInteger();
  private final AtomicReference<CommitGate> gate = new AtomicReference<>();

  public NodeDataSource(String url) {
    this.url = url;
  }

  /** The next transaction of this node to commit will wait at the gate, its locks still held. */
  public CommitGate holdNextCommit() {
    CommitGate next = new CommitGate();
    gate.set(next);
    return next;
  }

  /** How many times a connection was handed out: proves an operation never touched the database. */
  public int connectionsBorrowed() {
    return borrowed.get();
  }

  @Override
  public Connection getConnection() throws SQLException {
    borrowed.incrementAndGet();
    Connection physical = idle.poll();
    if (physical == null) {
      physical = DriverManager.getConnection(url);
      opened.add(physical);
    }
    return handle(physical);
  }

  private Connection handle(Connection physical) {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
          switch (method.getName()) {
            case "close" -> {
              giveBack(physical);
              return null;
            }
            case "commit" -> {
              CommitGate held = gate.getAndSet(null);
              if (held != null) {
                held.pass();
              }
            }
            default -> { }
          }
          try {
            return method.invoke(physical, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  private void giveBack(Connection physical) throws SQLException {
    if (physical.isClosed()) {
      return;
    }
    if (!physical.getAutoCommit()) {
      physical.rollback();
      physical.setAutoCommit(true);
    }
    idle.push(physical);
  }

  @Override
  public void close() {
    for (Connection connection : opened) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // the database may already be gone
      }
    }
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    return getConnection();
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    throw new SQLException("Not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return false;
  }
}
