package dev.datamanager.persistence.testing;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Runs every test of a subclass once on Derby and once on PostgreSQL, each on a fresh migrated database. */
@ExtendWith(PostgresExtension.class)
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
public abstract class OnBothDatabases {

  @Parameter
  protected DatabaseKind kind;

  protected TestDatabase db;

  @BeforeEach
  void freshDatabase() {
    db = kind.freshDatabase().migrated();
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    db.close();
  }
}
