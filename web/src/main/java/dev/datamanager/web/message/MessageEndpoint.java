package dev.datamanager.web.message;

import dev.datamanager.api.error.InvalidRequestException;
import dev.datamanager.api.message.MessageList;
import dev.datamanager.api.message.MessageResource;
import dev.datamanager.core.message.Messages;
import dev.datamanager.web.input.IdempotencyKey;
import dev.datamanager.web.input.MessageIdRule;
import dev.datamanager.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/** Answers {@code /api/v1/stores/{store}/records/{key}/messages}: sends by games and admins, reads, admin deletes. */
@RequestScoped
@Path(MessageResource.PATH)
public class MessageEndpoint implements MessageResource {

  @Inject Messages messages;
  @Context SecurityContext security;

  @Override
  @RolesAllowed({Roles.GAME_SERVER, Roles.ADMIN})
  public Response send(String store, String key, String idempotencyKey, JsonObject body) {
    if (body == null) {
      throw new InvalidRequestException("A message is a JSON object, such as {\"gift\": \"gift-7f3a\"}.");
    }
    String idempotency = IdempotencyKey.of(idempotencyKey);
    Messages.Sender sender = new Messages.Sender(security.getUserPrincipal().getName(),
        security.isUserInRole(Roles.ADMIN));
    return Response.accepted(messages.send(store, key, sender, idempotency, body)).build();
  }

  @Override
  @RolesAllowed({Roles.ADMIN, Roles.SUPPORT})
  public MessageList list(String store, String key) {
    return messages.list(store, key);
  }

  @Override
  @RolesAllowed(Roles.ADMIN)
  public void delete(String store, String key, String id) {
    messages.delete(store, key, MessageIdRule.of(id), security.getUserPrincipal().getName());
  }
}
