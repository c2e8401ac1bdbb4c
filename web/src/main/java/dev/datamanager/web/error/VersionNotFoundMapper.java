package dev.datamanager.web.error;

import dev.datamanager.api.error.VersionNotFoundException;
import jakarta.ws.rs.ext.Provider;

/** The record exists, but not this version of it. */
@Provider
public class VersionNotFoundMapper extends ProblemMapper<VersionNotFoundException> {

  public VersionNotFoundMapper() {
    super(404, "version-not-found", "No such version");
  }
}
