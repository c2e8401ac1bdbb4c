package dev.datamanager.web.record;

import dev.datamanager.api.session.RecordResource;
import dev.datamanager.api.session.RecordView;
import dev.datamanager.core.record.RecordReader;
import dev.datamanager.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

/** Answers {@code GET /api/v1/stores/{store}/records/{key}}. */
@RequestScoped
@Path(RecordResource.PATH)
@RolesAllowed({Roles.ADMIN, Roles.SUPPORT})
public class RecordEndpoint implements RecordResource {

  @Inject RecordReader records;

  @Override
  public RecordView get(String store, String key) {
    return records.read(store, key);
  }
}
