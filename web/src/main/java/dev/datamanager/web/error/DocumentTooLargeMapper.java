package dev.datamanager.web.error;

import dev.datamanager.api.error.DocumentTooLargeException;
import jakarta.ws.rs.ext.Provider;

/** A patch that would make the record larger than the limit. */
@Provider
public class DocumentTooLargeMapper extends ProblemMapper<DocumentTooLargeException> {

  public DocumentTooLargeMapper() {
    super(413, "document-too-large", "Document too large");
  }
}
