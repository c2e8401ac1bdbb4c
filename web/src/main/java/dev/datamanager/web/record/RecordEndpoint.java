package dev.datamanager.web.record;

import dev.datamanager.api.session.RecordResource;
import dev.datamanager.api.session.RecordView;
import dev.datamanager.core.admin.RecordAdmin;
import dev.datamanager.core.erasure.Erasures;
import dev.datamanager.core.patch.PatchFormat;
import dev.datamanager.core.record.RecordReader;
import dev.datamanager.web.input.RestoreTarget;
import dev.datamanager.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

/** Answers {@code /api/v1/stores/{store}/records/{key}}: reads for admins and support, lock-safe changes for admins. */
@RequestScoped
@Path(RecordResource.PATH)
@RolesAllowed({Roles.ADMIN, Roles.SUPPORT})
public class RecordEndpoint implements RecordResource {

  @Inject RecordReader records;
  @Inject RecordAdmin admin;
  @Inject Erasures erasures;
  @Context SecurityContext security;

  @Override
  public RecordView get(String store, String key) {
    return records.read(store, key);
  }

  @Override
  @RolesAllowed(Roles.ADMIN)
  public RecordView mergeEdit(String store, String key, JsonValue patch) {
    return admin.edit(store, key, PatchFormat.MERGE_PATCH, patch, user());
  }

  @Override
  @RolesAllowed(Roles.ADMIN)
  public RecordView jsonEdit(String store, String key, JsonValue patch) {
    return admin.edit(store, key, PatchFormat.JSON_PATCH, patch, user());
  }

  @Override
  @RolesAllowed(Roles.ADMIN)
  public RecordView restore(String store, String key, JsonObject target) {
    RestoreTarget parsed = RestoreTarget.of(target);
    return parsed.version() != null
        ? admin.restoreVersion(store, key, parsed.version(), user())
        : admin.restoreAt(store, key, parsed.at(), user());
  }

  @Override
  @RolesAllowed(Roles.ADMIN)
  public void erase(String store, String key) {
    erasures.eraseRecord(store, key, user());
  }

  private String user() {
    return security.getUserPrincipal().getName();
  }
}
