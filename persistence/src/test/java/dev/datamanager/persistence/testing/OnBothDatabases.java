package dev.datamanager.persistence.testing;

import dev.datamanager.persistence.record.RecordRepository;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Runs every test of a subclass once on Derby and once on PostgreSQL, each on a fresh migrated database with two nodes. */
@ExtendWith(PostgresExtension.class)
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
public abstract class OnBothDatabases {

  @Parameter
  protected DatabaseKind kind;

  protected FreshDatabase db;
  /** Two servers sharing the database; their factories connect only when first used. */
  protected Node nodeA;
  protected Node nodeB;
  protected RecordRepository a;
  protected RecordRepository b;

  @BeforeEach
  void freshDatabase() {
    db = kind.freshDatabase().migrated();
    nodeA = db.node("node-a");
    nodeB = db.node("node-b");
    a = nodeA.repository();
    b = nodeB.repository();
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    db.close();
  }
}
