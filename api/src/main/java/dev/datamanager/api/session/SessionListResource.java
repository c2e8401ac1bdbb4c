package dev.datamanager.api.session;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The sessions this node holds; also a MicroProfile Rest Client interface. */
@Path(SessionListResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sessions")
public interface SessionListResource {

  /** Path below {@code /api/v1}; implementations repeat it, as JAX-RS scans classes, not interfaces. */
  String PATH = "sessions";

  @GET
  @Operation(summary = "Every session this node holds in RAM")
  @APIResponse(responseCode = "200", description = "The sessions, possibly none",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "sessions",
          value = "[" + ApiExamples.SESSION + "]")))
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  List<SessionView> list();
}
