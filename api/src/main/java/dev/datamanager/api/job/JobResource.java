package dev.datamanager.api.job;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Jobs and their progress (admin and support), and their cancellation (admin); also a Rest Client interface. */
@Path(JobResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "jobs")
public interface JobResource {

  /** Path below {@code /api/v1}; implementations repeat it, as JAX-RS scans classes, not interfaces. */
  String PATH = "jobs";

  @GET
  @Operation(summary = "Jobs, newest first, a page at a time",
      description = "limit: 1 to 500, default 50; cursor: the next of the previous page, as it was.")
  @APIResponse(responseCode = "200", description = "A page of jobs; next is null on the last page",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          examples = @ExampleObject(name = "jobs", value = JobExamples.LIST)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  JobList list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor);

  @GET
  @Path("{id}")
  @Operation(summary = "One job and its progress")
  @APIResponse(responseCode = "200", description = "The job",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          examples = @ExampleObject(name = "job", value = JobExamples.JOB)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", description = "No such job")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  JobView get(@PathParam("id") String id);

  @DELETE
  @Path("{id}")
  @Operation(summary = "Cancel a running job",
      description = "The node running it stops between two records; the state shows cancelled once it has"
          + " stopped. Records already changed stay changed.")
  @APIResponse(responseCode = "202", description = "Cancellation asked; the job as it is now",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          examples = @ExampleObject(name = "job", value = JobExamples.JOB)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", description = "No such job")
  @APIResponse(responseCode = "409", description = "The job has already finished (done, cancelled or failed)")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  Response cancel(@PathParam("id") String id);
}
