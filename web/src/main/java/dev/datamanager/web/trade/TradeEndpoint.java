package dev.datamanager.web.trade;

import dev.datamanager.api.trade.TradeResource;
import dev.datamanager.core.trade.TradeRequest;
import dev.datamanager.core.trade.Trades;
import dev.datamanager.web.input.IdempotencyKey;
import dev.datamanager.web.input.TradeRequestReader;
import dev.datamanager.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/** Answers {@code POST /api/v1/stores/{store}/trades}: game servers and admins. */
@RequestScoped
@Path(TradeResource.PATH)
@RolesAllowed({Roles.GAME_SERVER, Roles.ADMIN})
public class TradeEndpoint implements TradeResource {

  @Inject Trades trades;
  @Context SecurityContext security;

  @Override
  public Response trade(String store, String idempotencyKey, JsonObject body) {
    String key = IdempotencyKey.of(idempotencyKey);
    TradeRequest request = new TradeRequest(store, TradeRequestReader.changes(body),
        security.getUserPrincipal().getName(), key, body.toString());
    return Response.ok(trades.trade(request), MediaType.APPLICATION_JSON).build();
  }
}
