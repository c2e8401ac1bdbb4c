package dev.datamanager.web.error;

import dev.datamanager.api.error.ReconciledTooLargeException;
import jakarta.ws.rs.ext.Provider;

/** A join refused because reconcile would push the record over the size limit. */
@Provider
public class ReconciledTooLargeMapper extends ProblemMapper<ReconciledTooLargeException> {

  public ReconciledTooLargeMapper() {
    super(422, "reconciled-too-large", "Record too large after reconcile");
  }
}
