package dev.datamanager.api.job;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Starts a bulk job over one store (admin); also a MicroProfile Rest Client interface. */
@Path(JobStartResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "jobs", description = "Bulk changes of a whole store, resumable, each record changed at most once")
public interface JobStartResource {

  /** Path below {@code /api/v1}; implementations repeat it, as JAX-RS scans classes, not interfaces. */
  String PATH = "stores/{store}/jobs";
  /** The header that makes a start safe to repeat: the same key within 24 h answers the first job. */
  String IDEMPOTENCY_KEY = "Idempotency-Key";

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Start a job: {\"kind\": \"restore\", \"at\": instant} brings every record of the store back"
      + " to its state at that instant", description = "Every record of the store when the job starts is one item;"
      + " each is changed lock-safely (a record held by a live node is changed by its owner, the player keeps"
      + " playing) and at most once, even if the node running the job dies and another node resumes it. With"
      + " \"dryRun\": true nothing is stored and the answer lists the first 100 records the job would change."
      + " Kinds patch and migrate are not supported yet (400). An Idempotency-Key repeated by the same admin within"
      + " 24 h answers the first job and starts nothing; with another body it answers 422.")
  @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
      examples = @ExampleObject(name = "restore", value = JobExamples.START)))
  @APIResponse(responseCode = "202", description = "The job, started (or the first job of this Idempotency-Key)",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          examples = @ExampleObject(name = "job", value = JobExamples.JOB)))
  @APIResponse(responseCode = "200", description = "Dry run: the first records the job would change",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          examples = @ExampleObject(name = "matches", value = JobExamples.MATCHES)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another body")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  Response start(@PathParam("store") String store, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
      JobRequest request);
}
