package dev.datamanager.web.version;

import dev.datamanager.api.error.InvalidParameterException;
import dev.datamanager.api.version.VersionList;
import dev.datamanager.api.version.VersionResource;
import dev.datamanager.api.version.VersionSummary;
import dev.datamanager.api.version.VersionView;
import dev.datamanager.core.paging.Page;
import dev.datamanager.core.version.VersionPins;
import dev.datamanager.core.version.VersionReader;
import dev.datamanager.web.input.InstantRule;
import dev.datamanager.web.input.PageRule;
import dev.datamanager.web.input.VersionNumberRule;
import dev.datamanager.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

/** Answers {@code /api/v1/stores/{store}/records/{key}/versions}, one version, and its {@code /pin}. */
@RequestScoped
@Path(VersionResource.PATH)
@RolesAllowed({Roles.ADMIN, Roles.SUPPORT})
public class VersionEndpoint implements VersionResource {

  private static final String LIST = "versions";

  @Inject VersionReader versions;
  @Inject VersionPins pins;
  @Context SecurityContext security;

  @Override
  public VersionList list(String store, String key, String from, String to, String order, String limit,
      String cursor) {
    Page<VersionSummary> page = versions.list(store, key, InstantRule.instant("from", from),
        InstantRule.instant("to", to), ascending(order), PageRule.limit(limit), PageRule.cursor(cursor, LIST));
    return new VersionList(page.items(), PageRule.text(page.next(), LIST));
  }

  @Override
  public VersionView get(String store, String key, String version) {
    return versions.read(store, key, VersionNumberRule.version(version));
  }

  @Override
  @RolesAllowed(Roles.ADMIN)
  public VersionSummary pin(String store, String key, String version) {
    return pins.pin(user(), store, key, VersionNumberRule.version(version));
  }

  @Override
  @RolesAllowed(Roles.ADMIN)
  public void unpin(String store, String key, String version) {
    pins.unpin(user(), store, key, VersionNumberRule.version(version));
  }

  private String user() {
    return security.getUserPrincipal().getName();
  }

  private static boolean ascending(String order) {
    if (order == null || order.equals("desc")) {
      return false;
    }
    if (order.equals("asc")) {
      return true;
    }
    throw new InvalidParameterException("order", order, "send desc (newest first, the default) or asc.");
  }
}
