package dev.datamanager.it.http;

import java.util.List;

/** Version retention on PostgreSQL, with what is kept read from the database itself. */
class PostgresRetentionIT extends RetentionTests {

  PostgresRetentionIT() {
    super(NodeDatabase.POSTGRES);
  }

  @Override
  List<Long> stored(String key) {
    return new VersionRows(node).of(key);
  }
}
