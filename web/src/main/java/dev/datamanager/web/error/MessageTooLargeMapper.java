package dev.datamanager.web.error;

import dev.datamanager.api.error.MessageTooLargeException;
import jakarta.ws.rs.ext.Provider;

/** A message body over datamanager.messages.max-bytes, not stored. */
@Provider
public class MessageTooLargeMapper extends ProblemMapper<MessageTooLargeException> {

  public MessageTooLargeMapper() {
    super(413, "message-too-large", "Message too large");
  }
}
