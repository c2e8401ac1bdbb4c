package dev.datamanager.web.error;

import dev.datamanager.api.error.UnknownStoreException;
import jakarta.ws.rs.ext.Provider;

/** The store has no template on this node. */
@Provider
public class UnknownStoreMapper extends ProblemMapper<UnknownStoreException> {

  public UnknownStoreMapper() {
    super(404, "unknown-store", "Unknown store");
  }
}
