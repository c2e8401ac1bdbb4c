package dev.datamanager.api.trade;

import jakarta.json.JsonObject;
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

/** Trades between sessions held on one node (game servers); also a MicroProfile Rest Client interface. */
@Path(TradeResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "trades", description = "Several players' records changed all or not at all, in one commit")
public interface TradeResource {

  /** Path below {@code /api/v1}; implementations repeat it, as JAX-RS scans classes, not interfaces. */
  String PATH = "stores/{store}/trades";
  /** The header that makes a trade safe to repeat: the same key within 24 h answers the first result. */
  String IDEMPOTENCY_KEY = "Idempotency-Key";

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Trade: apply one JSON Patch to each of several sessions held on this node, all or nothing",
      description = "Each key once, each held by this node (join them all here first). Every patch is applied or"
          + " none is (422 names the failed one; use test operations to require that an item is still there), and"
          + " 200 comes only after one database transaction committed every record, each as a version with reason"
          + " trade. 503: known not committed, nothing changed. 504: the commit's outcome is unknown; the sessions"
          + " refuse changes (503 trade-unresolved) until the node has read it back, and repeating the request with"
          + " the same Idempotency-Key answers it.")
  @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
      examples = @ExampleObject(name = "give an item", value = TradeExamples.REQUEST)))
  @APIResponse(responseCode = "200", description = "Committed: every session, as committed",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          examples = @ExampleObject(name = "result", value = TradeExamples.RESULT)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", description = "A key is not held here, or its session is leaving or was lost")
  @APIResponse(responseCode = "413", description = "A patched document would be over the size limit")
  @APIResponse(responseCode = "422", description = "A patch failed, a key was repeated, or the Idempotency-Key was"
      + " used with another body; nothing changed")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  @APIResponse(responseCode = "504", description = "The commit's outcome is unknown; repeat with the same"
      + " Idempotency-Key to learn it")
  Response trade(@PathParam("store") String store, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
      JsonObject body);
}
