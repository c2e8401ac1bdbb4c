package dev.datamanager.web.error;

import dev.datamanager.api.error.MigrationFailedException;
import jakarta.ws.rs.ext.Provider;

/** A migration step cannot be applied to the record: the join is refused and nothing changed. */
@Provider
public class MigrationFailedMapper extends ProblemMapper<MigrationFailedException> {

  public MigrationFailedMapper() {
    super(422, "migration-failed", "Migration failed for this record", false);
  }
}
