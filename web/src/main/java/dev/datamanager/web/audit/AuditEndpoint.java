package dev.datamanager.web.audit;

import dev.datamanager.api.audit.AuditEntryView;
import dev.datamanager.api.audit.AuditList;
import dev.datamanager.api.audit.AuditResource;
import dev.datamanager.api.error.InvalidParameterException;
import dev.datamanager.core.audit.AuditAction;
import dev.datamanager.core.audit.AuditLog;
import dev.datamanager.core.paging.Page;
import dev.datamanager.web.input.InstantRule;
import dev.datamanager.web.input.PageRule;
import dev.datamanager.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Answers {@code GET /api/v1/audit}. */
@RequestScoped
@Path(AuditResource.PATH)
@RolesAllowed({Roles.ADMIN, Roles.SUPPORT})
public class AuditEndpoint implements AuditResource {

  private static final String LIST = "audit";

  @Inject AuditLog audit;

  @Override
  public AuditList list(String from, String to, String action, String limit, String cursor) {
    Page<AuditEntryView> page = audit.list(InstantRule.instant("from", from), InstantRule.instant("to", to),
        action(action), PageRule.limit(limit), PageRule.cursor(cursor, LIST));
    return new AuditList(page.items(), PageRule.text(page.next(), LIST));
  }

  private static AuditAction action(String action) {
    if (action == null) {
      return null;
    }
    try {
      return AuditAction.fromWire(action);
    } catch (IllegalArgumentException unknown) {
      throw new InvalidParameterException("action", action, "send one of " + Arrays.stream(AuditAction.values())
          .map(AuditAction::wire).collect(Collectors.joining(", ")) + ".");
    }
  }
}
