package dev.datamanager.benchbaseline;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Constant text, open or for the game-server role; request-scoped like the API's resources, so the only differences
 * from a session GET are the session lookup and the JSON.
 */
@RequestScoped
@Path("text")
public class ConstantText {

  /** The role of the API's game servers (web.security.Roles.GAME_SERVER), bound to their group by the bench. */
  static final String GAME_SERVER = "game-server";

  private static final String TEXT = "ok";

  /** No credentials needed: the floor of a JAX-RS request on this node. */
  @GET
  @Path("open")
  @Produces(MediaType.TEXT_PLAIN)
  public String open() {
    return TEXT;
  }

  /** HTTP Basic credentials of a game-server user, checked against the node's user registry as the API does. */
  @GET
  @Path("authenticated")
  @Produces(MediaType.TEXT_PLAIN)
  @RolesAllowed(GAME_SERVER)
  public String authenticated() {
    return TEXT;
  }
}
