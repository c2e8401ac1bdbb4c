package dev.datamanager.web.job;

import dev.datamanager.api.error.InvalidRequestException;
import dev.datamanager.api.job.JobRequest;
import dev.datamanager.api.job.JobResource;
import dev.datamanager.api.job.JobStartResource;
import dev.datamanager.api.job.JobView;
import dev.datamanager.core.job.JobStarts;
import dev.datamanager.web.input.IdempotencyKey;
import dev.datamanager.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/** Answers {@code POST /api/v1/stores/{store}/jobs}: a job start (202) or a dry run (200), admins only. */
@RequestScoped
@Path(JobStartResource.PATH)
@RolesAllowed(Roles.ADMIN)
public class JobStartEndpoint implements JobStartResource {

  @Inject JobStarts starts;
  @Context SecurityContext security;
  @Context UriInfo uri;

  @Override
  public Response start(String store, String idempotencyKey, JobRequest request) {
    if (request == null) {
      throw new InvalidRequestException("A job start needs a body, such as {\"kind\": \"restore\", \"at\":"
          + " \"2026-11-25T20:00:00Z\"}.");
    }
    String key = IdempotencyKey.of(idempotencyKey);
    if (request.dryRun()) {
      return Response.ok(starts.dryRun(store, request)).build();
    }
    JobView job = starts.start(store, request, security.getUserPrincipal().getName(), key);
    return Response.accepted(job)
        .location(uri.getBaseUriBuilder().path(JobResource.PATH).path(job.id()).build())
        .build();
  }
}
