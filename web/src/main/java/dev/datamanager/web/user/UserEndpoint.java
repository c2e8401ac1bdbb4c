package dev.datamanager.web.user;

import dev.datamanager.api.user.UserErasure;
import dev.datamanager.api.user.UserRecords;
import dev.datamanager.api.user.UserResource;
import dev.datamanager.core.erasure.Erasures;
import dev.datamanager.core.record.RecordReader;
import dev.datamanager.web.input.UserIdRule;
import dev.datamanager.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

/** Answers {@code /api/v1/users/{userId}}: access for admins and support, erasure for admins. */
@RequestScoped
@Path(UserResource.PATH)
@RolesAllowed({Roles.ADMIN, Roles.SUPPORT})
public class UserEndpoint implements UserResource {

  @Inject RecordReader records;
  @Inject Erasures erasures;
  @Context SecurityContext security;

  @Override
  public UserRecords records(String userId) {
    return records.ofUser(UserIdRule.check(userId));
  }

  @Override
  @RolesAllowed(Roles.ADMIN)
  public UserErasure erase(String userId) {
    return erasures.eraseUser(UserIdRule.check(userId), security.getUserPrincipal().getName());
  }
}
