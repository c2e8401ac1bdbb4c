package dev.datamanager.web.job;

import dev.datamanager.api.job.JobList;
import dev.datamanager.api.job.JobResource;
import dev.datamanager.api.job.JobView;
import dev.datamanager.core.job.JobAdmin;
import dev.datamanager.core.paging.Page;
import dev.datamanager.web.input.JobIdRule;
import dev.datamanager.web.input.PageRule;
import dev.datamanager.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/** Answers {@code /api/v1/jobs}: the list and one job for admins and support, cancel for admins. */
@RequestScoped
@Path(JobResource.PATH)
@RolesAllowed({Roles.ADMIN, Roles.SUPPORT})
public class JobEndpoint implements JobResource {

  private static final String LIST = "jobs";

  @Inject JobAdmin jobs;
  @Context SecurityContext security;

  @Override
  public JobList list(String limit, String cursor) {
    Page<JobView> page = jobs.list(PageRule.limit(limit), PageRule.cursor(cursor, LIST));
    return new JobList(page.items(), PageRule.text(page.next(), LIST));
  }

  @Override
  public JobView get(String id) {
    return jobs.get(JobIdRule.id(id));
  }

  @Override
  @RolesAllowed(Roles.ADMIN)
  public Response cancel(String id) {
    return Response.accepted(jobs.cancel(JobIdRule.id(id), security.getUserPrincipal().getName())).build();
  }
}
