package dev.datamanager.web.error;

import dev.datamanager.api.error.MessageNotPendingException;
import jakarta.ws.rs.ext.Provider;

/** No such message is pending for the record: consumed, deleted or never sent to it. */
@Provider
public class MessageNotPendingMapper extends ProblemMapper<MessageNotPendingException> {

  public MessageNotPendingMapper() {
    super(404, "message-not-pending", "Message not pending");
  }
}
