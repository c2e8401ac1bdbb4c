package dev.datamanager.web.message;

import dev.datamanager.api.message.MessageAckResource;
import dev.datamanager.api.session.SessionResource;
import dev.datamanager.api.session.SessionView;
import dev.datamanager.core.message.MessageAck;
import dev.datamanager.core.patch.PatchFormat;
import dev.datamanager.web.input.MessageIdRule;
import dev.datamanager.web.input.PatchBodyReader;
import dev.datamanager.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Answers {@code POST /api/v1/stores/{store}/sessions/{key}/messages/{id}/ack} for game servers and admins. */
@RequestScoped
@Path(MessageAckResource.PATH)
@RolesAllowed({Roles.GAME_SERVER, Roles.ADMIN})
public class MessageAckEndpoint implements MessageAckResource {

  @Inject MessageAck acks;

  @Override
  public SessionView ack(String store, String key, String id, String contentType, InputStream body) {
    String messageId = MessageIdRule.of(id);
    byte[] bytes = read(body);
    if (bytes.length == 0) {
      return acks.ack(store, key, messageId, null, null);
    }
    PatchFormat format = format(contentType);
    return acks.ack(store, key, messageId, format, PatchBodyReader.readOne(new ByteArrayInputStream(bytes)));
  }

  /** The patch format {@code Content-Type} names; any other type is a 415, as for a session PATCH. */
  private static PatchFormat format(String contentType) {
    MediaType type;
    try {
      type = contentType == null ? null : MediaType.valueOf(contentType);
    } catch (IllegalArgumentException e) {
      type = null;
    }
    String name = type == null ? "" : type.getType() + "/" + type.getSubtype();
    if (name.equalsIgnoreCase(SessionResource.MERGE_PATCH)) {
      return PatchFormat.MERGE_PATCH;
    }
    if (name.equalsIgnoreCase(SessionResource.JSON_PATCH)) {
      return PatchFormat.JSON_PATCH;
    }
    throw new NotSupportedException();
  }

  // The body limit counts while this reads, so a huge body is a 413 before it is held whole.
  private static byte[] read(InputStream body) {
    if (body == null) {
      return new byte[0];
    }
    try {
      return body.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
