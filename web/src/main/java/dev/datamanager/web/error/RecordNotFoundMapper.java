package dev.datamanager.web.error;

import dev.datamanager.api.error.RecordNotFoundException;
import jakarta.ws.rs.ext.Provider;

/** No record exists for the key. */
@Provider
public class RecordNotFoundMapper extends ProblemMapper<RecordNotFoundException> {

  public RecordNotFoundMapper() {
    super(404, "record-not-found", "No such record");
  }
}
