package dev.datamanager.web.session;

import dev.datamanager.api.session.SessionResource;
import dev.datamanager.api.session.SessionView;
import dev.datamanager.core.join.SessionJoin;
import dev.datamanager.core.patch.PatchFormat;
import dev.datamanager.core.save.SessionExit;
import dev.datamanager.core.session.SessionManager;
import dev.datamanager.web.input.UserIdRule;
import dev.datamanager.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Answers {@code /api/v1/stores/{store}/sessions/{key}}, its {@code /save} and its {@code /user-ids}. One instance
 * for the node: it keeps no state of a request (its headers come through a per-request proxy), so no update pays for
 * creating and injecting an endpoint.
 */
@ApplicationScoped
@Path(SessionResource.PATH)
@RolesAllowed({Roles.GAME_SERVER, Roles.ADMIN})
public class SessionEndpoint implements SessionResource {

  @Inject SessionJoin joining;
  @Inject SessionManager sessions;
  @Inject SessionExit exit;
  @Inject MinimalReturn minimal;
  @Context HttpHeaders headers;

  @Override
  public SessionView join(String store, String key) {
    return joining.join(store, key);
  }

  @Override
  public SessionView get(String store, String key) {
    return sessions.get(store, key);
  }

  @Override
  public SessionView mergePatch(String store, String key, JsonValue patch) {
    return patch(store, key, PatchFormat.MERGE_PATCH, patch);
  }

  @Override
  public SessionView jsonPatch(String store, String key, JsonValue patch) {
    return patch(store, key, PatchFormat.JSON_PATCH, patch);
  }

  /** The patched session, or nothing (a 204, tagged by {@link MinimalReturnFilter}) if the client prefers so. */
  private SessionView patch(String store, String key, PatchFormat format, JsonValue patch) {
    if (!MinimalReturn.asked(headers.getRequestHeader(MinimalReturn.PREFER))) {
      return sessions.patch(store, key, format, patch);
    }
    minimal.answered(sessions.patchAndTag(store, key, format, patch));
    return null;
  }

  @Override
  public SessionView replaceUserIds(String store, String key, JsonValue userIds) {
    return sessions.replaceUserIds(store, key, UserIdRule.list(userIds));
  }

  @Override
  public SessionView save(String store, String key) {
    return exit.saveNow(store, key);
  }

  @Override
  public void leave(String store, String key) {
    exit.leave(store, key);
  }
}
