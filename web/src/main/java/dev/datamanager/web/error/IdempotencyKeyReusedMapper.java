package dev.datamanager.web.error;

import dev.datamanager.api.error.IdempotencyKeyReusedException;
import jakarta.ws.rs.ext.Provider;

/** An Idempotency-Key sent again within 24 hours with a different request. */
@Provider
public class IdempotencyKeyReusedMapper extends ProblemMapper<IdempotencyKeyReusedException> {

  public IdempotencyKeyReusedMapper() {
    super(422, "idempotency-key-reused", "Idempotency key reused");
  }
}
