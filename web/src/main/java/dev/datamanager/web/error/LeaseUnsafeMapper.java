package dev.datamanager.web.error;

import dev.datamanager.api.error.LeaseUnsafeException;
import jakarta.ws.rs.ext.Provider;

/** The node could not renew the session's lease for too long, so it acknowledges no update; retry shortly. */
@Provider
public class LeaseUnsafeMapper extends ProblemMapper<LeaseUnsafeException> {

  public LeaseUnsafeMapper() {
    super(503, "lease-unsafe", "Lease not renewed, update not accepted", true);
  }
}
