package dev.datamanager.web.error;

import dev.datamanager.api.error.NoLongerMatchesException;
import jakarta.ws.rs.ext.Provider;

/** A guarded change (a bulk job's) found the record no longer matching its condition; nothing changed. */
@Provider
public class NoLongerMatchesMapper extends ProblemMapper<NoLongerMatchesException> {

  public NoLongerMatchesMapper() {
    super(412, "no-longer-matches", "The record no longer matches", false);
  }
}
